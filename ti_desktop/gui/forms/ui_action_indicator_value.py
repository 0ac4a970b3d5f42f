# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_indicator_value.ui'
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

class Ui_IndicatorValueDialog(object):
    def setupUi(self, IndicatorValueDialog):
        if not IndicatorValueDialog.objectName():
            IndicatorValueDialog.setObjectName(u"IndicatorValueDialog")
        IndicatorValueDialog.resize(460, 220)
        self.dialogLayout = QVBoxLayout(IndicatorValueDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.measuredLabel = QLabel(IndicatorValueDialog)
        self.measuredLabel.setObjectName(u"measuredLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.measuredLabel)

        self.measuredOnEdit = QLineEdit(IndicatorValueDialog)
        self.measuredOnEdit.setObjectName(u"measuredOnEdit")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.measuredOnEdit)

        self.valueLabel = QLabel(IndicatorValueDialog)
        self.valueLabel.setObjectName(u"valueLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.valueLabel)

        self.valueEdit = QLineEdit(IndicatorValueDialog)
        self.valueEdit.setObjectName(u"valueEdit")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.valueEdit)

        self.commentLabel = QLabel(IndicatorValueDialog)
        self.commentLabel.setObjectName(u"commentLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.commentLabel)

        self.commentEdit = QLineEdit(IndicatorValueDialog)
        self.commentEdit.setObjectName(u"commentEdit")
        self.commentEdit.setMaxLength(2000)

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.commentEdit)


        self.dialogLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(IndicatorValueDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.errorLabel)

        self.formSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.formSpacer)

        self.buttonBox = QDialogButtonBox(IndicatorValueDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.measuredLabel.setBuddy(self.measuredOnEdit)
        self.valueLabel.setBuddy(self.valueEdit)
        self.commentLabel.setBuddy(self.commentEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.measuredOnEdit, self.valueEdit)
        QWidget.setTabOrder(self.valueEdit, self.commentEdit)
        QWidget.setTabOrder(self.commentEdit, self.buttonBox)

        self.retranslateUi(IndicatorValueDialog)

        QMetaObject.connectSlotsByName(IndicatorValueDialog)
    # setupUi

    def retranslateUi(self, IndicatorValueDialog):
        IndicatorValueDialog.setWindowTitle(QCoreApplication.translate("IndicatorValueDialog", u"Nouvelle mesure", None))
        self.measuredLabel.setText(QCoreApplication.translate("IndicatorValueDialog", u"Date de la mesure", None))
        self.measuredOnEdit.setPlaceholderText(QCoreApplication.translate("IndicatorValueDialog", u"jj/mm/aaaa", None))
        self.valueLabel.setText(QCoreApplication.translate("IndicatorValueDialog", u"Valeur", None))
        self.valueEdit.setPlaceholderText(QCoreApplication.translate("IndicatorValueDialog", u"ex. 12,5", None))
        self.commentLabel.setText(QCoreApplication.translate("IndicatorValueDialog", u"Commentaire", None))
    # retranslateUi

