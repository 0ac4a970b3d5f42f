# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_progress_update.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_ProgressUpdateDialog(object):
    def setupUi(self, ProgressUpdateDialog):
        if not ProgressUpdateDialog.objectName():
            ProgressUpdateDialog.setObjectName(u"ProgressUpdateDialog")
        ProgressUpdateDialog.resize(620, 560)
        self.dialogLayout = QVBoxLayout(ProgressUpdateDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.reportedLabel = QLabel(ProgressUpdateDialog)
        self.reportedLabel.setObjectName(u"reportedLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reportedLabel)

        self.reportedOnEdit = QLineEdit(ProgressUpdateDialog)
        self.reportedOnEdit.setObjectName(u"reportedOnEdit")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reportedOnEdit)

        self.authorLabel = QLabel(ProgressUpdateDialog)
        self.authorLabel.setObjectName(u"authorLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.authorLabel)

        self.authorEdit = QLineEdit(ProgressUpdateDialog)
        self.authorEdit.setObjectName(u"authorEdit")
        self.authorEdit.setMaxLength(200)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.authorEdit)

        self.updateStatusLabel = QLabel(ProgressUpdateDialog)
        self.updateStatusLabel.setObjectName(u"updateStatusLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.updateStatusLabel)

        self.statusCombo = QComboBox(ProgressUpdateDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.updateProgressLabel = QLabel(ProgressUpdateDialog)
        self.updateProgressLabel.setObjectName(u"updateProgressLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.updateProgressLabel)

        self.progressSpin = QSpinBox(ProgressUpdateDialog)
        self.progressSpin.setObjectName(u"progressSpin")
        self.progressSpin.setMaximum(100)
        self.progressSpin.setSingleStep(5)

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.progressSpin)

        self.doneTextLabel = QLabel(ProgressUpdateDialog)
        self.doneTextLabel.setObjectName(u"doneTextLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.doneTextLabel)

        self.doneEdit = QPlainTextEdit(ProgressUpdateDialog)
        self.doneEdit.setObjectName(u"doneEdit")
        self.doneEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.doneEdit)

        self.difficultiesLabel = QLabel(ProgressUpdateDialog)
        self.difficultiesLabel.setObjectName(u"difficultiesLabel")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.difficultiesLabel)

        self.difficultiesEdit = QPlainTextEdit(ProgressUpdateDialog)
        self.difficultiesEdit.setObjectName(u"difficultiesEdit")
        self.difficultiesEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.difficultiesEdit)

        self.nextStepsLabel = QLabel(ProgressUpdateDialog)
        self.nextStepsLabel.setObjectName(u"nextStepsLabel")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.nextStepsLabel)

        self.nextStepsEdit = QPlainTextEdit(ProgressUpdateDialog)
        self.nextStepsEdit.setObjectName(u"nextStepsEdit")
        self.nextStepsEdit.setTabChangesFocus(True)

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.nextStepsEdit)

        self.alertLabel = QLabel(ProgressUpdateDialog)
        self.alertLabel.setObjectName(u"alertLabel")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.alertLabel)

        self.alertCheck = QCheckBox(ProgressUpdateDialog)
        self.alertCheck.setObjectName(u"alertCheck")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.alertCheck)


        self.dialogLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(ProgressUpdateDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.errorLabel)

        self.formSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.formSpacer)

        self.buttonBox = QDialogButtonBox(ProgressUpdateDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reportedLabel.setBuddy(self.reportedOnEdit)
        self.authorLabel.setBuddy(self.authorEdit)
        self.updateStatusLabel.setBuddy(self.statusCombo)
        self.updateProgressLabel.setBuddy(self.progressSpin)
        self.doneTextLabel.setBuddy(self.doneEdit)
        self.difficultiesLabel.setBuddy(self.difficultiesEdit)
        self.nextStepsLabel.setBuddy(self.nextStepsEdit)
        self.alertLabel.setBuddy(self.alertCheck)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reportedOnEdit, self.authorEdit)
        QWidget.setTabOrder(self.authorEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.progressSpin)
        QWidget.setTabOrder(self.progressSpin, self.doneEdit)
        QWidget.setTabOrder(self.doneEdit, self.difficultiesEdit)
        QWidget.setTabOrder(self.difficultiesEdit, self.nextStepsEdit)
        QWidget.setTabOrder(self.nextStepsEdit, self.alertCheck)
        QWidget.setTabOrder(self.alertCheck, self.buttonBox)

        self.retranslateUi(ProgressUpdateDialog)

        QMetaObject.connectSlotsByName(ProgressUpdateDialog)
    # setupUi

    def retranslateUi(self, ProgressUpdateDialog):
        ProgressUpdateDialog.setWindowTitle(QCoreApplication.translate("ProgressUpdateDialog", u"Nouveau point d'avancement", None))
        self.reportedLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"Date du point", None))
        self.reportedOnEdit.setPlaceholderText(QCoreApplication.translate("ProgressUpdateDialog", u"jj/mm/aaaa", None))
        self.authorLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"Auteur", None))
        self.updateStatusLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"Statut", None))
        self.updateProgressLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"Avancement", None))
        self.doneTextLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"R\u00e9alis\u00e9", None))
        self.doneEdit.setPlaceholderText(QCoreApplication.translate("ProgressUpdateDialog", u"Ce qui a \u00e9t\u00e9 fait depuis le dernier point", None))
        self.difficultiesLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"Difficult\u00e9s", None))
        self.difficultiesEdit.setPlaceholderText(QCoreApplication.translate("ProgressUpdateDialog", u"Points de blocage, risques", None))
        self.nextStepsLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"Prochaines \u00e9tapes", None))
        self.nextStepsEdit.setPlaceholderText(QCoreApplication.translate("ProgressUpdateDialog", u"Ce qui est pr\u00e9vu d'ici le prochain point", None))
        self.alertLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"Alerte", None))
        self.alertCheck.setText(QCoreApplication.translate("ProgressUpdateDialog", u"Signaler une alerte au comit\u00e9 de pilotage", None))
    # retranslateUi

