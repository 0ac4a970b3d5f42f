# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_indicator.ui'
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
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_IndicatorDialog(object):
    def setupUi(self, IndicatorDialog):
        if not IndicatorDialog.objectName():
            IndicatorDialog.setObjectName(u"IndicatorDialog")
        IndicatorDialog.resize(520, 360)
        self.dialogLayout = QVBoxLayout(IndicatorDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.nameLabel = QLabel(IndicatorDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(IndicatorDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(300)

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.unitLabel = QLabel(IndicatorDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitEdit = QLineEdit(IndicatorDialog)
        self.unitEdit.setObjectName(u"unitEdit")
        self.unitEdit.setMaxLength(50)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.sourceLabel = QLabel(IndicatorDialog)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceEdit = QLineEdit(IndicatorDialog)
        self.sourceEdit.setObjectName(u"sourceEdit")
        self.sourceEdit.setMaxLength(300)

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sourceEdit)

        self.baselineValueLabel = QLabel(IndicatorDialog)
        self.baselineValueLabel.setObjectName(u"baselineValueLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.baselineValueLabel)

        self.baselineValueEdit = QLineEdit(IndicatorDialog)
        self.baselineValueEdit.setObjectName(u"baselineValueEdit")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.baselineValueEdit)

        self.baselineOnLabel = QLabel(IndicatorDialog)
        self.baselineOnLabel.setObjectName(u"baselineOnLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.baselineOnLabel)

        self.baselineOnEdit = QLineEdit(IndicatorDialog)
        self.baselineOnEdit.setObjectName(u"baselineOnEdit")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.baselineOnEdit)

        self.targetValueLabel = QLabel(IndicatorDialog)
        self.targetValueLabel.setObjectName(u"targetValueLabel")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.targetValueLabel)

        self.targetValueEdit = QLineEdit(IndicatorDialog)
        self.targetValueEdit.setObjectName(u"targetValueEdit")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.targetValueEdit)

        self.targetOnLabel = QLabel(IndicatorDialog)
        self.targetOnLabel.setObjectName(u"targetOnLabel")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.targetOnLabel)

        self.targetOnEdit = QLineEdit(IndicatorDialog)
        self.targetOnEdit.setObjectName(u"targetOnEdit")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.targetOnEdit)

        self.directionLabel = QLabel(IndicatorDialog)
        self.directionLabel.setObjectName(u"directionLabel")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.directionLabel)

        self.directionCombo = QComboBox(IndicatorDialog)
        self.directionCombo.setObjectName(u"directionCombo")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.directionCombo)


        self.dialogLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(IndicatorDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.errorLabel)

        self.formSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.formSpacer)

        self.buttonBox = QDialogButtonBox(IndicatorDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.unitLabel.setBuddy(self.unitEdit)
        self.sourceLabel.setBuddy(self.sourceEdit)
        self.baselineValueLabel.setBuddy(self.baselineValueEdit)
        self.baselineOnLabel.setBuddy(self.baselineOnEdit)
        self.targetValueLabel.setBuddy(self.targetValueEdit)
        self.targetOnLabel.setBuddy(self.targetOnEdit)
        self.directionLabel.setBuddy(self.directionCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.unitEdit)
        QWidget.setTabOrder(self.unitEdit, self.sourceEdit)
        QWidget.setTabOrder(self.sourceEdit, self.baselineValueEdit)
        QWidget.setTabOrder(self.baselineValueEdit, self.baselineOnEdit)
        QWidget.setTabOrder(self.baselineOnEdit, self.targetValueEdit)
        QWidget.setTabOrder(self.targetValueEdit, self.targetOnEdit)
        QWidget.setTabOrder(self.targetOnEdit, self.directionCombo)
        QWidget.setTabOrder(self.directionCombo, self.buttonBox)

        self.retranslateUi(IndicatorDialog)

        QMetaObject.connectSlotsByName(IndicatorDialog)
    # setupUi

    def retranslateUi(self, IndicatorDialog):
        IndicatorDialog.setWindowTitle(QCoreApplication.translate("IndicatorDialog", u"Nouvel indicateur", None))
        self.nameLabel.setText(QCoreApplication.translate("IndicatorDialog", u"Nom", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"ex. Nombre de PME accompagn\u00e9es", None))
        self.unitLabel.setText(QCoreApplication.translate("IndicatorDialog", u"Unit\u00e9", None))
        self.unitEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"ex. entreprises, emplois, tCO2e", None))
        self.sourceLabel.setText(QCoreApplication.translate("IndicatorDialog", u"Source", None))
        self.sourceEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"ex. CCI, URSSAF, suivi du porteur", None))
        self.baselineValueLabel.setText(QCoreApplication.translate("IndicatorDialog", u"Valeur de r\u00e9f\u00e9rence", None))
        self.baselineValueEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"ex. 12,5", None))
        self.baselineOnLabel.setText(QCoreApplication.translate("IndicatorDialog", u"Date de r\u00e9f\u00e9rence", None))
        self.baselineOnEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"jj/mm/aaaa", None))
        self.targetValueLabel.setText(QCoreApplication.translate("IndicatorDialog", u"Valeur cible", None))
        self.targetValueEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"ex. 40", None))
        self.targetOnLabel.setText(QCoreApplication.translate("IndicatorDialog", u"Date cible", None))
        self.targetOnEdit.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"jj/mm/aaaa", None))
        self.directionLabel.setText(QCoreApplication.translate("IndicatorDialog", u"Sens d'am\u00e9lioration", None))
    # retranslateUi

