# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_funding_line.ui'
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

class Ui_FundingLineDialog(object):
    def setupUi(self, FundingLineDialog):
        if not FundingLineDialog.objectName():
            FundingLineDialog.setObjectName(u"FundingLineDialog")
        FundingLineDialog.resize(560, 330)
        self.dialogLayout = QVBoxLayout(FundingLineDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.funderActorLabel = QLabel(FundingLineDialog)
        self.funderActorLabel.setObjectName(u"funderActorLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.funderActorLabel)

        self.funderActorCombo = QComboBox(FundingLineDialog)
        self.funderActorCombo.setObjectName(u"funderActorCombo")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.funderActorCombo)

        self.funderNameLabel = QLabel(FundingLineDialog)
        self.funderNameLabel.setObjectName(u"funderNameLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.funderNameLabel)

        self.funderNameEdit = QLineEdit(FundingLineDialog)
        self.funderNameEdit.setObjectName(u"funderNameEdit")
        self.funderNameEdit.setMaxLength(200)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.funderNameEdit)

        self.programmeLabel = QLabel(FundingLineDialog)
        self.programmeLabel.setObjectName(u"programmeLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.programmeLabel)

        self.programmeCombo = QComboBox(FundingLineDialog)
        self.programmeCombo.setObjectName(u"programmeCombo")
        self.programmeCombo.setEditable(True)

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.programmeCombo)

        self.requestedLabel = QLabel(FundingLineDialog)
        self.requestedLabel.setObjectName(u"requestedLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.requestedLabel)

        self.requestedEdit = QLineEdit(FundingLineDialog)
        self.requestedEdit.setObjectName(u"requestedEdit")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.requestedEdit)

        self.grantedLabel = QLabel(FundingLineDialog)
        self.grantedLabel.setObjectName(u"grantedLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.grantedLabel)

        self.grantedEdit = QLineEdit(FundingLineDialog)
        self.grantedEdit.setObjectName(u"grantedEdit")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.grantedEdit)

        self.fundingStatusLabel = QLabel(FundingLineDialog)
        self.fundingStatusLabel.setObjectName(u"fundingStatusLabel")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.fundingStatusLabel)

        self.statusCombo = QComboBox(FundingLineDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.filedLabel = QLabel(FundingLineDialog)
        self.filedLabel.setObjectName(u"filedLabel")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.filedLabel)

        self.filedEdit = QLineEdit(FundingLineDialog)
        self.filedEdit.setObjectName(u"filedEdit")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.filedEdit)

        self.decidedLabel = QLabel(FundingLineDialog)
        self.decidedLabel.setObjectName(u"decidedLabel")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.decidedLabel)

        self.decidedEdit = QLineEdit(FundingLineDialog)
        self.decidedEdit.setObjectName(u"decidedEdit")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.decidedEdit)

        self.basisLabel = QLabel(FundingLineDialog)
        self.basisLabel.setObjectName(u"basisLabel")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.basisLabel)

        self.basisCombo = QComboBox(FundingLineDialog)
        self.basisCombo.setObjectName(u"basisCombo")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.basisCombo)


        self.dialogLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(FundingLineDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.errorLabel)

        self.formSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.formSpacer)

        self.buttonBox = QDialogButtonBox(FundingLineDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.funderActorLabel.setBuddy(self.funderActorCombo)
        self.funderNameLabel.setBuddy(self.funderNameEdit)
        self.programmeLabel.setBuddy(self.programmeCombo)
        self.requestedLabel.setBuddy(self.requestedEdit)
        self.grantedLabel.setBuddy(self.grantedEdit)
        self.fundingStatusLabel.setBuddy(self.statusCombo)
        self.filedLabel.setBuddy(self.filedEdit)
        self.decidedLabel.setBuddy(self.decidedEdit)
        self.basisLabel.setBuddy(self.basisCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.funderActorCombo, self.funderNameEdit)
        QWidget.setTabOrder(self.funderNameEdit, self.programmeCombo)
        QWidget.setTabOrder(self.programmeCombo, self.requestedEdit)
        QWidget.setTabOrder(self.requestedEdit, self.grantedEdit)
        QWidget.setTabOrder(self.grantedEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.filedEdit)
        QWidget.setTabOrder(self.filedEdit, self.decidedEdit)
        QWidget.setTabOrder(self.decidedEdit, self.basisCombo)
        QWidget.setTabOrder(self.basisCombo, self.buttonBox)

        self.retranslateUi(FundingLineDialog)

        QMetaObject.connectSlotsByName(FundingLineDialog)
    # setupUi

    def retranslateUi(self, FundingLineDialog):
        FundingLineDialog.setWindowTitle(QCoreApplication.translate("FundingLineDialog", u"Ligne de financement", None))
        self.funderActorLabel.setText(QCoreApplication.translate("FundingLineDialog", u"Financeur (annuaire)", None))
        self.funderNameLabel.setText(QCoreApplication.translate("FundingLineDialog", u"ou nom du financeur", None))
        self.funderNameEdit.setPlaceholderText(QCoreApplication.translate("FundingLineDialog", u"si le financeur n'est pas dans l'annuaire", None))
        self.programmeLabel.setText(QCoreApplication.translate("FundingLineDialog", u"Programme / dispositif", None))
        self.requestedLabel.setText(QCoreApplication.translate("FundingLineDialog", u"Montant demand\u00e9 (\u20ac)", None))
        self.requestedEdit.setPlaceholderText(QCoreApplication.translate("FundingLineDialog", u"ex. 150 000", None))
        self.grantedLabel.setText(QCoreApplication.translate("FundingLineDialog", u"Montant accord\u00e9 (\u20ac)", None))
        self.grantedEdit.setPlaceholderText(QCoreApplication.translate("FundingLineDialog", u"si accord\u00e9 ou vers\u00e9", None))
        self.fundingStatusLabel.setText(QCoreApplication.translate("FundingLineDialog", u"Statut", None))
        self.filedLabel.setText(QCoreApplication.translate("FundingLineDialog", u"Date de d\u00e9p\u00f4t", None))
        self.filedEdit.setPlaceholderText(QCoreApplication.translate("FundingLineDialog", u"jj/mm/aaaa", None))
        self.decidedLabel.setText(QCoreApplication.translate("FundingLineDialog", u"Date de d\u00e9cision", None))
        self.decidedEdit.setPlaceholderText(QCoreApplication.translate("FundingLineDialog", u"jj/mm/aaaa", None))
        self.basisLabel.setText(QCoreApplication.translate("FundingLineDialog", u"Base des montants", None))
#if QT_CONFIG(tooltip)
        self.basisCombo.setToolTip(QCoreApplication.translate("FundingLineDialog", u"Ce que comprennent les montants : HT (hors taxes) ou TTC (toutes taxes comprises). Ils ne sont jamais convertis.", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

