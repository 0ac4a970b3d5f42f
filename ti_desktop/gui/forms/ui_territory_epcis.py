# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'territory_epcis.ui'
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
from PySide6.QtWidgets import (QApplication, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

class Ui_EpciSection(object):
    def setupUi(self, EpciSection):
        if not EpciSection.objectName():
            EpciSection.setObjectName(u"EpciSection")
        self.epciLayout = QVBoxLayout(EpciSection)
        self.epciLayout.setObjectName(u"epciLayout")
        self.epciView = QTableView(EpciSection)
        self.epciView.setObjectName(u"epciView")

        self.epciLayout.addWidget(self.epciView)

        self.epciButtons = QHBoxLayout()
        self.epciButtons.setObjectName(u"epciButtons")
        self.totalsLabel = QLabel(EpciSection)
        self.totalsLabel.setObjectName(u"totalsLabel")

        self.epciButtons.addWidget(self.totalsLabel)

        self.addButton = QPushButton(EpciSection)
        self.addButton.setObjectName(u"addButton")

        self.epciButtons.addWidget(self.addButton)

        self.editButton = QPushButton(EpciSection)
        self.editButton.setObjectName(u"editButton")

        self.epciButtons.addWidget(self.editButton)

        self.deleteButton = QPushButton(EpciSection)
        self.deleteButton.setObjectName(u"deleteButton")

        self.epciButtons.addWidget(self.deleteButton)

        self.epciButtons.setStretch(0, 1)

        self.epciLayout.addLayout(self.epciButtons)

        self.messageLabel = QLabel(EpciSection)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.epciLayout.addWidget(self.messageLabel)

        self.epciLayout.setStretch(0, 1)
        QWidget.setTabOrder(self.epciView, self.addButton)
        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.deleteButton)

        self.retranslateUi(EpciSection)

        QMetaObject.connectSlotsByName(EpciSection)
    # setupUi

    def retranslateUi(self, EpciSection):
        EpciSection.setTitle(QCoreApplication.translate("EpciSection", u"Intercommunalit\u00e9s (EPCI)", None))
        self.addButton.setText(QCoreApplication.translate("EpciSection", u"Ajouter\u2026", None))
        self.editButton.setText(QCoreApplication.translate("EpciSection", u"Modifier\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("EpciSection", u"Supprimer", None))
    # retranslateUi

