# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recovery_dialog.ui'
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
    QHBoxLayout, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_RecoveryDialog(object):
    def setupUi(self, RecoveryDialog):
        if not RecoveryDialog.objectName():
            RecoveryDialog.setObjectName(u"RecoveryDialog")
        RecoveryDialog.setMinimumSize(QSize(600, 0))
        self.dialogLayout = QVBoxLayout(RecoveryDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.messageRow = QHBoxLayout()
        self.messageRow.setObjectName(u"messageRow")
        self.iconLabel = QLabel(RecoveryDialog)
        self.iconLabel.setObjectName(u"iconLabel")

        self.messageRow.addWidget(self.iconLabel, 0, Qt.AlignmentFlag.AlignTop)

        self.textLayout = QVBoxLayout()
        self.textLayout.setObjectName(u"textLayout")
        self.messageLabel = QLabel(RecoveryDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.textLayout.addWidget(self.messageLabel)

        self.locationLabel = QLabel(RecoveryDialog)
        self.locationLabel.setObjectName(u"locationLabel")
        self.locationLabel.setWordWrap(True)
        self.locationLabel.setProperty(u"role", u"hint")

        self.textLayout.addWidget(self.locationLabel)

        self.textSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.textLayout.addItem(self.textSpacer)


        self.messageRow.addLayout(self.textLayout)

        self.messageRow.setStretch(1, 1)

        self.dialogLayout.addLayout(self.messageRow)

        self.buttonBox = QDialogButtonBox(RecoveryDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(RecoveryDialog)

        QMetaObject.connectSlotsByName(RecoveryDialog)
    # setupUi

    def retranslateUi(self, RecoveryDialog):
        RecoveryDialog.setWindowTitle(QCoreApplication.translate("RecoveryDialog", u"Base endommag\u00e9e", None))
    # retranslateUi

