# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'custom_field_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_CustomFieldDialog(object):
    def setupUi(self, CustomFieldDialog):
        if not CustomFieldDialog.objectName():
            CustomFieldDialog.setObjectName(u"CustomFieldDialog")
        CustomFieldDialog.resize(460, 320)
        self.dialogLayout = QVBoxLayout(CustomFieldDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.nameLabel = QLabel(CustomFieldDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(CustomFieldDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(100)

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.kindLabel = QLabel(CustomFieldDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(CustomFieldDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.choicesLabel = QLabel(CustomFieldDialog)
        self.choicesLabel.setObjectName(u"choicesLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.choicesLabel)

        self.choicesEdit = QPlainTextEdit(CustomFieldDialog)
        self.choicesEdit.setObjectName(u"choicesEdit")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.choicesEdit)


        self.dialogLayout.addLayout(self.fieldsForm)

        self.kindHintLabel = QLabel(CustomFieldDialog)
        self.kindHintLabel.setObjectName(u"kindHintLabel")
        self.kindHintLabel.setWordWrap(True)
        self.kindHintLabel.setProperty(u"role", u"hint")

        self.dialogLayout.addWidget(self.kindHintLabel)

        self.errorLabel = QLabel(CustomFieldDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CustomFieldDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.choicesLabel.setBuddy(self.choicesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.choicesEdit)
        QWidget.setTabOrder(self.choicesEdit, self.buttonBox)

        self.retranslateUi(CustomFieldDialog)

        QMetaObject.connectSlotsByName(CustomFieldDialog)
    # setupUi

    def retranslateUi(self, CustomFieldDialog):
        CustomFieldDialog.setWindowTitle(QCoreApplication.translate("CustomFieldDialog", u"Champ personnalis\u00e9", None))
        self.nameLabel.setText(QCoreApplication.translate("CustomFieldDialog", u"Nom", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("CustomFieldDialog", u"ex. Cibles", None))
        self.kindLabel.setText(QCoreApplication.translate("CustomFieldDialog", u"Type", None))
        self.choicesLabel.setText(QCoreApplication.translate("CustomFieldDialog", u"Choix", None))
        self.choicesEdit.setPlaceholderText(QCoreApplication.translate("CustomFieldDialog", u"un choix par ligne", None))
        self.kindHintLabel.setText(QCoreApplication.translate("CustomFieldDialog", u"Changer le type convertit les valeurs d\u00e9j\u00e0 saisies (un texte \u00ab 15/03/2025 \u00bb devient une date) ; ce qui ne se convertit pas est signal\u00e9 et rien n'est modifi\u00e9.", None))
    # retranslateUi

