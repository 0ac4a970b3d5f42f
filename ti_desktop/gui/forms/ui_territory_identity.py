# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'territory_identity.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_IdentitySection(object):
    def setupUi(self, IdentitySection):
        if not IdentitySection.objectName():
            IdentitySection.setObjectName(u"IdentitySection")
        self.identityLayout = QVBoxLayout(IdentitySection)
        self.identityLayout.setObjectName(u"identityLayout")
        self.identityForm = QFormLayout()
        self.identityForm.setObjectName(u"identityForm")
        self.identityForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.nameLabel = QLabel(IdentitySection)
        self.nameLabel.setObjectName(u"nameLabel")

        self.identityForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameBox = QVBoxLayout()
        self.nameBox.setSpacing(2)
        self.nameBox.setObjectName(u"nameBox")
        self.nameEdit = QLineEdit(IdentitySection)
        self.nameEdit.setObjectName(u"nameEdit")

        self.nameBox.addWidget(self.nameEdit)

        self.nameError = QLabel(IdentitySection)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setTextFormat(Qt.TextFormat.PlainText)

        self.nameBox.addWidget(self.nameError)


        self.identityForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.nameBox)

        self.nationalCodeLabel = QLabel(IdentitySection)
        self.nationalCodeLabel.setObjectName(u"nationalCodeLabel")

        self.identityForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nationalCodeLabel)

        self.nationalCodeBox = QVBoxLayout()
        self.nationalCodeBox.setSpacing(2)
        self.nationalCodeBox.setObjectName(u"nationalCodeBox")
        self.nationalCodeEdit = QLineEdit(IdentitySection)
        self.nationalCodeEdit.setObjectName(u"nationalCodeEdit")

        self.nationalCodeBox.addWidget(self.nationalCodeEdit)

        self.nationalCodeError = QLabel(IdentitySection)
        self.nationalCodeError.setObjectName(u"nationalCodeError")
        self.nationalCodeError.setWordWrap(True)
        self.nationalCodeError.setTextFormat(Qt.TextFormat.PlainText)

        self.nationalCodeBox.addWidget(self.nationalCodeError)


        self.identityForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.nationalCodeBox)

        self.regionLabel = QLabel(IdentitySection)
        self.regionLabel.setObjectName(u"regionLabel")

        self.identityForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.regionLabel)

        self.regionBox = QVBoxLayout()
        self.regionBox.setSpacing(2)
        self.regionBox.setObjectName(u"regionBox")
        self.regionEdit = QLineEdit(IdentitySection)
        self.regionEdit.setObjectName(u"regionEdit")

        self.regionBox.addWidget(self.regionEdit)

        self.regionError = QLabel(IdentitySection)
        self.regionError.setObjectName(u"regionError")
        self.regionError.setWordWrap(True)
        self.regionError.setTextFormat(Qt.TextFormat.PlainText)

        self.regionBox.addWidget(self.regionError)


        self.identityForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.regionBox)

        self.departmentsLabel = QLabel(IdentitySection)
        self.departmentsLabel.setObjectName(u"departmentsLabel")

        self.identityForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.departmentsLabel)

        self.departmentsBox = QVBoxLayout()
        self.departmentsBox.setSpacing(2)
        self.departmentsBox.setObjectName(u"departmentsBox")
        self.departmentsEdit = QLineEdit(IdentitySection)
        self.departmentsEdit.setObjectName(u"departmentsEdit")

        self.departmentsBox.addWidget(self.departmentsEdit)

        self.departmentsError = QLabel(IdentitySection)
        self.departmentsError.setObjectName(u"departmentsError")
        self.departmentsError.setWordWrap(True)
        self.departmentsError.setTextFormat(Qt.TextFormat.PlainText)

        self.departmentsBox.addWidget(self.departmentsError)


        self.identityForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.departmentsBox)

        self.phaseLabel = QLabel(IdentitySection)
        self.phaseLabel.setObjectName(u"phaseLabel")

        self.identityForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phaseLabel)

        self.phaseBox = QVBoxLayout()
        self.phaseBox.setSpacing(2)
        self.phaseBox.setObjectName(u"phaseBox")
        self.phaseEdit = QLineEdit(IdentitySection)
        self.phaseEdit.setObjectName(u"phaseEdit")

        self.phaseBox.addWidget(self.phaseEdit)

        self.phaseError = QLabel(IdentitySection)
        self.phaseError.setObjectName(u"phaseError")
        self.phaseError.setWordWrap(True)
        self.phaseError.setTextFormat(Qt.TextFormat.PlainText)

        self.phaseBox.addWidget(self.phaseError)


        self.identityForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.phaseBox)

        self.labelledOnLabel = QLabel(IdentitySection)
        self.labelledOnLabel.setObjectName(u"labelledOnLabel")

        self.identityForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.labelledOnLabel)

        self.labelledOnBox = QVBoxLayout()
        self.labelledOnBox.setSpacing(2)
        self.labelledOnBox.setObjectName(u"labelledOnBox")
        self.labelledOnEdit = QLineEdit(IdentitySection)
        self.labelledOnEdit.setObjectName(u"labelledOnEdit")

        self.labelledOnBox.addWidget(self.labelledOnEdit)

        self.labelledOnError = QLabel(IdentitySection)
        self.labelledOnError.setObjectName(u"labelledOnError")
        self.labelledOnError.setWordWrap(True)
        self.labelledOnError.setTextFormat(Qt.TextFormat.PlainText)

        self.labelledOnBox.addWidget(self.labelledOnError)


        self.identityForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.labelledOnBox)

        self.carryingStructureLabel = QLabel(IdentitySection)
        self.carryingStructureLabel.setObjectName(u"carryingStructureLabel")

        self.identityForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.carryingStructureLabel)

        self.carryingStructureBox = QVBoxLayout()
        self.carryingStructureBox.setSpacing(2)
        self.carryingStructureBox.setObjectName(u"carryingStructureBox")
        self.carryingStructureEdit = QLineEdit(IdentitySection)
        self.carryingStructureEdit.setObjectName(u"carryingStructureEdit")

        self.carryingStructureBox.addWidget(self.carryingStructureEdit)

        self.carryingStructureError = QLabel(IdentitySection)
        self.carryingStructureError.setObjectName(u"carryingStructureError")
        self.carryingStructureError.setWordWrap(True)
        self.carryingStructureError.setTextFormat(Qt.TextFormat.PlainText)

        self.carryingStructureBox.addWidget(self.carryingStructureError)


        self.identityForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.carryingStructureBox)


        self.identityLayout.addLayout(self.identityForm)

        self.summaryLabel = QLabel(IdentitySection)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.identityLayout.addWidget(self.summaryLabel)

        self.summaryBox = QVBoxLayout()
        self.summaryBox.setSpacing(2)
        self.summaryBox.setObjectName(u"summaryBox")
        self.summaryEdit = QPlainTextEdit(IdentitySection)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)

        self.summaryBox.addWidget(self.summaryEdit)

        self.summaryError = QLabel(IdentitySection)
        self.summaryError.setObjectName(u"summaryError")
        self.summaryError.setWordWrap(True)
        self.summaryError.setTextFormat(Qt.TextFormat.PlainText)

        self.summaryBox.addWidget(self.summaryError)


        self.identityLayout.addLayout(self.summaryBox)

        self.identityLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.nationalCodeLabel.setBuddy(self.nationalCodeEdit)
        self.regionLabel.setBuddy(self.regionEdit)
        self.departmentsLabel.setBuddy(self.departmentsEdit)
        self.phaseLabel.setBuddy(self.phaseEdit)
        self.labelledOnLabel.setBuddy(self.labelledOnEdit)
        self.carryingStructureLabel.setBuddy(self.carryingStructureEdit)
        self.summaryLabel.setBuddy(self.summaryEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.nationalCodeEdit)
        QWidget.setTabOrder(self.nationalCodeEdit, self.regionEdit)
        QWidget.setTabOrder(self.regionEdit, self.departmentsEdit)
        QWidget.setTabOrder(self.departmentsEdit, self.phaseEdit)
        QWidget.setTabOrder(self.phaseEdit, self.labelledOnEdit)
        QWidget.setTabOrder(self.labelledOnEdit, self.carryingStructureEdit)
        QWidget.setTabOrder(self.carryingStructureEdit, self.summaryEdit)

        self.retranslateUi(IdentitySection)

        QMetaObject.connectSlotsByName(IdentitySection)
    # setupUi

    def retranslateUi(self, IdentitySection):
        IdentitySection.setTitle(QCoreApplication.translate("IdentitySection", u"Identit\u00e9 du territoire", None))
        self.nameLabel.setText(QCoreApplication.translate("IdentitySection", u"Nom du territoire *", None))
        self.nationalCodeLabel.setText(QCoreApplication.translate("IdentitySection", u"Code national", None))
        self.regionLabel.setText(QCoreApplication.translate("IdentitySection", u"R\u00e9gion", None))
        self.departmentsLabel.setText(QCoreApplication.translate("IdentitySection", u"D\u00e9partements", None))
        self.phaseLabel.setText(QCoreApplication.translate("IdentitySection", u"Phase", None))
        self.phaseEdit.setPlaceholderText(QCoreApplication.translate("IdentitySection", u"ex. 2023\u20132027", None))
        self.labelledOnLabel.setText(QCoreApplication.translate("IdentitySection", u"Date de labellisation", None))
        self.labelledOnEdit.setPlaceholderText(QCoreApplication.translate("IdentitySection", u"jj/mm/aaaa (laisser vide si inconnue)", None))
        self.carryingStructureLabel.setText(QCoreApplication.translate("IdentitySection", u"Structure porteuse", None))
        self.summaryLabel.setText(QCoreApplication.translate("IdentitySection", u"Pr\u00e9sentation", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("IdentitySection", u"Pr\u00e9sentation du territoire, reprise en t\u00eate du rapport", None))
    # retranslateUi

