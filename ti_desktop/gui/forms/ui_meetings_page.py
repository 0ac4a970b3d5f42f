# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meetings_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_MeetingsPage(object):
    def setupUi(self, MeetingsPage):
        if not MeetingsPage.objectName():
            MeetingsPage.setObjectName(u"MeetingsPage")
        self.pageLayout = QVBoxLayout(MeetingsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.tabs = QTabWidget(MeetingsPage)
        self.tabs.setObjectName(u"tabs")
        self.meetingsTab = QWidget()
        self.meetingsTab.setObjectName(u"meetingsTab")
        self.meetingsTabLayout = QVBoxLayout(self.meetingsTab)
        self.meetingsTabLayout.setObjectName(u"meetingsTabLayout")
        self.meetingsTabLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(self.meetingsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.leftPane = QWidget(self.splitter)
        self.leftPane.setObjectName(u"leftPane")
        self.leftLayout = QVBoxLayout(self.leftPane)
        self.leftLayout.setObjectName(u"leftLayout")
        self.leftLayout.setContentsMargins(0, 0, 0, 0)
        self.meetingsBar = QHBoxLayout()
        self.meetingsBar.setObjectName(u"meetingsBar")
        self.newButton = QPushButton(self.leftPane)
        self.newButton.setObjectName(u"newButton")

        self.meetingsBar.addWidget(self.newButton)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.meetingsBar.addItem(self.barSpacer)

        self.countLabel = QLabel(self.leftPane)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setProperty(u"role", u"hint")

        self.meetingsBar.addWidget(self.countLabel)

        self.meetingsBar.setStretch(1, 1)

        self.leftLayout.addLayout(self.meetingsBar)

        self.listView = QTableView(self.leftPane)
        self.listView.setObjectName(u"listView")
        self.listView.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.leftLayout.addWidget(self.listView)

        self.messageLabel = QLabel(self.leftPane)
        self.messageLabel.setObjectName(u"messageLabel")

        self.leftLayout.addWidget(self.messageLabel)

        self.leftLayout.setStretch(1, 1)
        self.splitter.addWidget(self.leftPane)

        self.meetingsTabLayout.addWidget(self.splitter)

        self.tabs.addTab(self.meetingsTab, "")

        self.pageLayout.addWidget(self.tabs)


        self.retranslateUi(MeetingsPage)

        QMetaObject.connectSlotsByName(MeetingsPage)
    # setupUi

    def retranslateUi(self, MeetingsPage):
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("MeetingsPage", u"L'ordre du jour est propos\u00e9 automatiquement : actions \u00e0 discuter, bloqu\u00e9es, en retard, avec un jalon d\u00e9pass\u00e9 ou un financement en attente, modifi\u00e9es depuis le dernier comit\u00e9, d\u00e9cisions en attente", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("MeetingsPage", u"Nouvelle r\u00e9union\u2026", None))
#if QT_CONFIG(accessibility)
        self.listView.setAccessibleName(QCoreApplication.translate("MeetingsPage", u"R\u00e9unions", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.meetingsTab), QCoreApplication.translate("MeetingsPage", u"R\u00e9unions", None))
        pass
    # retranslateUi

