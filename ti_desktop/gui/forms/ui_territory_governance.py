# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'territory_governance.ui'
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

class Ui_GovernanceSection(object):
    def setupUi(self, GovernanceSection):
        if not GovernanceSection.objectName():
            GovernanceSection.setObjectName(u"GovernanceSection")
        self.governanceLayout = QVBoxLayout(GovernanceSection)
        self.governanceLayout.setObjectName(u"governanceLayout")
        self.binomeLabel = QLabel(GovernanceSection)
        self.binomeLabel.setObjectName(u"binomeLabel")
        self.binomeLabel.setWordWrap(True)
        self.binomeLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.governanceLayout.addWidget(self.binomeLabel)

        self.governanceView = QTableView(GovernanceSection)
        self.governanceView.setObjectName(u"governanceView")

        self.governanceLayout.addWidget(self.governanceView)

        self.governanceButtons = QHBoxLayout()
        self.governanceButtons.setObjectName(u"governanceButtons")
        self.missingLabel = QLabel(GovernanceSection)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setWordWrap(True)

        self.governanceButtons.addWidget(self.missingLabel)

        self.addButton = QPushButton(GovernanceSection)
        self.addButton.setObjectName(u"addButton")

        self.governanceButtons.addWidget(self.addButton)

        self.removeButton = QPushButton(GovernanceSection)
        self.removeButton.setObjectName(u"removeButton")

        self.governanceButtons.addWidget(self.removeButton)

        self.governanceButtons.setStretch(0, 1)

        self.governanceLayout.addLayout(self.governanceButtons)

        self.messageLabel = QLabel(GovernanceSection)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.governanceLayout.addWidget(self.messageLabel)

        self.governanceLayout.setStretch(1, 1)
        QWidget.setTabOrder(self.governanceView, self.addButton)
        QWidget.setTabOrder(self.addButton, self.removeButton)

        self.retranslateUi(GovernanceSection)

        QMetaObject.connectSlotsByName(GovernanceSection)
    # setupUi

    def retranslateUi(self, GovernanceSection):
        GovernanceSection.setTitle(QCoreApplication.translate("GovernanceSection", u"Gouvernance", None))
        self.addButton.setText(QCoreApplication.translate("GovernanceSection", u"Ajouter un membre\u2026", None))
        self.removeButton.setText(QCoreApplication.translate("GovernanceSection", u"Retirer de la gouvernance", None))
    # retranslateUi

