# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'custom_fields_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_CustomFieldsDialog(object):
    def setupUi(self, CustomFieldsDialog):
        if not CustomFieldsDialog.objectName():
            CustomFieldsDialog.setObjectName(u"CustomFieldsDialog")
        CustomFieldsDialog.resize(720, 420)
        self.dialogLayout = QVBoxLayout(CustomFieldsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.hintLabel = QLabel(CustomFieldsDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty(u"role", u"hint")

        self.dialogLayout.addWidget(self.hintLabel)

        self.fieldsView = QTableView(CustomFieldsDialog)
        self.fieldsView.setObjectName(u"fieldsView")

        self.dialogLayout.addWidget(self.fieldsView)

        self.commandsLayout = QHBoxLayout()
        self.commandsLayout.setObjectName(u"commandsLayout")
        self.addButton = QPushButton(CustomFieldsDialog)
        self.addButton.setObjectName(u"addButton")

        self.commandsLayout.addWidget(self.addButton)

        self.editButton = QPushButton(CustomFieldsDialog)
        self.editButton.setObjectName(u"editButton")

        self.commandsLayout.addWidget(self.editButton)

        self.upButton = QPushButton(CustomFieldsDialog)
        self.upButton.setObjectName(u"upButton")

        self.commandsLayout.addWidget(self.upButton)

        self.downButton = QPushButton(CustomFieldsDialog)
        self.downButton.setObjectName(u"downButton")

        self.commandsLayout.addWidget(self.downButton)

        self.deleteButton = QPushButton(CustomFieldsDialog)
        self.deleteButton.setObjectName(u"deleteButton")

        self.commandsLayout.addWidget(self.deleteButton)

        self.commandsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.commandsLayout.addItem(self.commandsSpacer)


        self.dialogLayout.addLayout(self.commandsLayout)

        self.messageLabel = QLabel(CustomFieldsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(CustomFieldsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(1, 1)

        self.retranslateUi(CustomFieldsDialog)

        QMetaObject.connectSlotsByName(CustomFieldsDialog)
    # setupUi

    def retranslateUi(self, CustomFieldsDialog):
        CustomFieldsDialog.setWindowTitle(QCoreApplication.translate("CustomFieldsDialog", u"Champs personnalis\u00e9s", None))
        self.hintLabel.setText(QCoreApplication.translate("CustomFieldsDialog", u"Les champs propres au territoire : chaque fiche-action peut en avoir une valeur (onglet \u00ab Champs personnalis\u00e9s \u00bb), le plan les montre en colonnes et l'export les \u00e9crit. Un import en cr\u00e9e pour les colonnes qui ne correspondent \u00e0 aucun champ.", None))
#if QT_CONFIG(accessibility)
        self.fieldsView.setAccessibleName(QCoreApplication.translate("CustomFieldsDialog", u"Champs personnalis\u00e9s", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("CustomFieldsDialog", u"Ajouter\u2026", None))
        self.editButton.setText(QCoreApplication.translate("CustomFieldsDialog", u"Modifier\u2026", None))
        self.upButton.setText(QCoreApplication.translate("CustomFieldsDialog", u"Monter", None))
        self.downButton.setText(QCoreApplication.translate("CustomFieldsDialog", u"Descendre", None))
        self.deleteButton.setText(QCoreApplication.translate("CustomFieldsDialog", u"Supprimer", None))
    # retranslateUi

