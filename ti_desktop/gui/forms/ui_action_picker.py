# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_picker.ui'
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
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ActionPickerDialog(object):
    def setupUi(self, ActionPickerDialog):
        if not ActionPickerDialog.objectName():
            ActionPickerDialog.setObjectName(u"ActionPickerDialog")
        ActionPickerDialog.setMinimumSize(QSize(720, 480))
        self.dialogLayout = QVBoxLayout(ActionPickerDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.searchEdit = QLineEdit(ActionPickerDialog)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.dialogLayout.addWidget(self.searchEdit)

        self.actionList = QListWidget(ActionPickerDialog)
        self.actionList.setObjectName(u"actionList")
        self.actionList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.actionList.setAlternatingRowColors(True)
        self.actionList.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.dialogLayout.addWidget(self.actionList)

        self.emptyLabel = QLabel(ActionPickerDialog)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setProperty(u"role", u"hint")

        self.dialogLayout.addWidget(self.emptyLabel)

        self.messageLabel = QLabel(ActionPickerDialog)
        self.messageLabel.setObjectName(u"messageLabel")

        self.dialogLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(ActionPickerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(1, 1)

        self.retranslateUi(ActionPickerDialog)

        QMetaObject.connectSlotsByName(ActionPickerDialog)
    # setupUi

    def retranslateUi(self, ActionPickerDialog):
        ActionPickerDialog.setWindowTitle(QCoreApplication.translate("ActionPickerDialog", u"Ajouter une action \u00e0 l'ordre du jour", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("ActionPickerDialog", u"Rechercher une action", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("ActionPickerDialog", u"Rechercher un code ou un titre\u2026", None))
#if QT_CONFIG(accessibility)
        self.actionList.setAccessibleName(QCoreApplication.translate("ActionPickerDialog", u"Actions du plan", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("ActionPickerDialog", u"Toutes les actions du plan sont d\u00e9j\u00e0 \u00e0 l'ordre du jour.", None))
    # retranslateUi

