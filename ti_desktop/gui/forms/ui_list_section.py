# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'list_section.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLabel,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_ListSection(object):
    def setupUi(self, ListSection):
        if not ListSection.objectName():
            ListSection.setObjectName(u"ListSection")
        self.sectionLayout = QVBoxLayout(ListSection)
        self.sectionLayout.setObjectName(u"sectionLayout")
        self.sectionLayout.setContentsMargins(0, 0, 0, 0)
        self.headingLabel = QLabel(ListSection)
        self.headingLabel.setObjectName(u"headingLabel")

        self.sectionLayout.addWidget(self.headingLabel)

        self.emptyLabel = QLabel(ListSection)
        self.emptyLabel.setObjectName(u"emptyLabel")

        self.sectionLayout.addWidget(self.emptyLabel)

        self.tableView = QTableView(ListSection)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tableView.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tableView.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.sectionLayout.addWidget(self.tableView)

        self.sectionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sectionLayout.addItem(self.sectionSpacer)

        self.sectionLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.headingLabel.setBuddy(self.tableView)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ListSection)

        QMetaObject.connectSlotsByName(ListSection)
    # setupUi

    def retranslateUi(self, ListSection):
        pass
    # retranslateUi

