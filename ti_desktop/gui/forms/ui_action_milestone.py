# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_milestone.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_MilestoneDialog(object):
    def setupUi(self, MilestoneDialog):
        if not MilestoneDialog.objectName():
            MilestoneDialog.setObjectName(u"MilestoneDialog")
        MilestoneDialog.resize(460, 200)
        self.dialogLayout = QVBoxLayout(MilestoneDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.milestoneTitleLabel = QLabel(MilestoneDialog)
        self.milestoneTitleLabel.setObjectName(u"milestoneTitleLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.milestoneTitleLabel)

        self.titleEdit = QLineEdit(MilestoneDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.dueLabel = QLabel(MilestoneDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEdit = QLineEdit(MilestoneDialog)
        self.dueEdit.setObjectName(u"dueEdit")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dueEdit)

        self.doneLabel = QLabel(MilestoneDialog)
        self.doneLabel.setObjectName(u"doneLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.doneLabel)

        self.doneEdit = QLineEdit(MilestoneDialog)
        self.doneEdit.setObjectName(u"doneEdit")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.doneEdit)


        self.dialogLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(MilestoneDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.errorLabel)

        self.formSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.formSpacer)

        self.buttonBox = QDialogButtonBox(MilestoneDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.milestoneTitleLabel.setBuddy(self.titleEdit)
        self.dueLabel.setBuddy(self.dueEdit)
        self.doneLabel.setBuddy(self.doneEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.dueEdit)
        QWidget.setTabOrder(self.dueEdit, self.doneEdit)
        QWidget.setTabOrder(self.doneEdit, self.buttonBox)

        self.retranslateUi(MilestoneDialog)

        QMetaObject.connectSlotsByName(MilestoneDialog)
    # setupUi

    def retranslateUi(self, MilestoneDialog):
        MilestoneDialog.setWindowTitle(QCoreApplication.translate("MilestoneDialog", u"Jalon", None))
        self.milestoneTitleLabel.setText(QCoreApplication.translate("MilestoneDialog", u"Intitul\u00e9", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("MilestoneDialog", u"ex. D\u00e9p\u00f4t du permis de construire", None))
        self.dueLabel.setText(QCoreApplication.translate("MilestoneDialog", u"\u00c9ch\u00e9ance", None))
        self.dueEdit.setPlaceholderText(QCoreApplication.translate("MilestoneDialog", u"jj/mm/aaaa", None))
        self.doneLabel.setText(QCoreApplication.translate("MilestoneDialog", u"Atteint le", None))
        self.doneEdit.setPlaceholderText(QCoreApplication.translate("MilestoneDialog", u"vide tant que le jalon n'est pas atteint", None))
    # retranslateUi

