# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'timeline.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_TimelinePage(object):
    def setupUi(self, TimelinePage):
        if not TimelinePage.objectName():
            TimelinePage.setObjectName(u"TimelinePage")
        self.pageLayout = QVBoxLayout(TimelinePage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.toolbar = QHBoxLayout()
        self.toolbar.setObjectName(u"toolbar")
        self.scaleLabel = QLabel(TimelinePage)
        self.scaleLabel.setObjectName(u"scaleLabel")

        self.toolbar.addWidget(self.scaleLabel)

        self.yearButton = QPushButton(TimelinePage)
        self.yearButton.setObjectName(u"yearButton")
        self.yearButton.setCheckable(True)

        self.toolbar.addWidget(self.yearButton)

        self.quarterButton = QPushButton(TimelinePage)
        self.quarterButton.setObjectName(u"quarterButton")
        self.quarterButton.setCheckable(True)

        self.toolbar.addWidget(self.quarterButton)

        self.monthButton = QPushButton(TimelinePage)
        self.monthButton.setObjectName(u"monthButton")
        self.monthButton.setCheckable(True)

        self.toolbar.addWidget(self.monthButton)

        self.toolbarGap = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.toolbar.addItem(self.toolbarGap)

        self.todayButton = QPushButton(TimelinePage)
        self.todayButton.setObjectName(u"todayButton")

        self.toolbar.addWidget(self.todayButton)

        self.toolbarSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar.addItem(self.toolbarSpacer)

        self.toolbar.setStretch(6, 1)

        self.pageLayout.addLayout(self.toolbar)

        self.viewsFrame = QFrame(TimelinePage)
        self.viewsFrame.setObjectName(u"viewsFrame")
        self.viewsFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.viewsGrid = QGridLayout(self.viewsFrame)
        self.viewsGrid.setSpacing(0)
        self.viewsGrid.setObjectName(u"viewsGrid")
        self.viewsGrid.setContentsMargins(0, 0, 0, 0)
        self.corner = QLabel(self.viewsFrame)
        self.corner.setObjectName(u"corner")
        self.corner.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignVCenter)

        self.viewsGrid.addWidget(self.corner, 0, 0, 1, 1)


        self.pageLayout.addWidget(self.viewsFrame)

        self.legend = QHBoxLayout()
        self.legend.setObjectName(u"legend")
        self.legendSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.legend.addItem(self.legendSpacer)

        self.barIcon = QLabel(TimelinePage)
        self.barIcon.setObjectName(u"barIcon")

        self.legend.addWidget(self.barIcon)

        self.barText = QLabel(TimelinePage)
        self.barText.setObjectName(u"barText")

        self.legend.addWidget(self.barText)

        self.barGap = QSpacerItem(8, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.legend.addItem(self.barGap)

        self.lateIcon = QLabel(TimelinePage)
        self.lateIcon.setObjectName(u"lateIcon")

        self.legend.addWidget(self.lateIcon)

        self.lateText = QLabel(TimelinePage)
        self.lateText.setObjectName(u"lateText")

        self.legend.addWidget(self.lateText)

        self.lateGap = QSpacerItem(8, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.legend.addItem(self.lateGap)

        self.milestoneDoneIcon = QLabel(TimelinePage)
        self.milestoneDoneIcon.setObjectName(u"milestoneDoneIcon")

        self.legend.addWidget(self.milestoneDoneIcon)

        self.milestoneDoneText = QLabel(TimelinePage)
        self.milestoneDoneText.setObjectName(u"milestoneDoneText")

        self.legend.addWidget(self.milestoneDoneText)

        self.milestoneDoneGap = QSpacerItem(8, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.legend.addItem(self.milestoneDoneGap)

        self.milestoneDueIcon = QLabel(TimelinePage)
        self.milestoneDueIcon.setObjectName(u"milestoneDueIcon")

        self.legend.addWidget(self.milestoneDueIcon)

        self.milestoneDueText = QLabel(TimelinePage)
        self.milestoneDueText.setObjectName(u"milestoneDueText")

        self.legend.addWidget(self.milestoneDueText)

        self.milestoneDueGap = QSpacerItem(8, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.legend.addItem(self.milestoneDueGap)

        self.milestoneOverdueIcon = QLabel(TimelinePage)
        self.milestoneOverdueIcon.setObjectName(u"milestoneOverdueIcon")

        self.legend.addWidget(self.milestoneOverdueIcon)

        self.milestoneOverdueText = QLabel(TimelinePage)
        self.milestoneOverdueText.setObjectName(u"milestoneOverdueText")

        self.legend.addWidget(self.milestoneOverdueText)

        self.milestoneOverdueGap = QSpacerItem(8, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.legend.addItem(self.milestoneOverdueGap)

        self.legend.setStretch(0, 1)

        self.pageLayout.addLayout(self.legend)

        self.pageLayout.setStretch(1, 1)
        QWidget.setTabOrder(self.yearButton, self.quarterButton)
        QWidget.setTabOrder(self.quarterButton, self.monthButton)
        QWidget.setTabOrder(self.monthButton, self.todayButton)

        self.retranslateUi(TimelinePage)

        QMetaObject.connectSlotsByName(TimelinePage)
    # setupUi

    def retranslateUi(self, TimelinePage):
        self.scaleLabel.setText(QCoreApplication.translate("TimelinePage", u"\u00c9chelle :", None))
        self.yearButton.setText(QCoreApplication.translate("TimelinePage", u"Ann\u00e9e", None))
        self.quarterButton.setText(QCoreApplication.translate("TimelinePage", u"Trimestre", None))
        self.monthButton.setText(QCoreApplication.translate("TimelinePage", u"Mois", None))
        self.todayButton.setText(QCoreApplication.translate("TimelinePage", u"Aller \u00e0 aujourd'hui", None))
        self.corner.setText(QCoreApplication.translate("TimelinePage", u"Fiches-actions", None))
        self.barText.setText(QCoreApplication.translate("TimelinePage", u"Avancement", None))
        self.lateText.setText(QCoreApplication.translate("TimelinePage", u"Action en retard", None))
        self.milestoneDoneText.setText(QCoreApplication.translate("TimelinePage", u"Jalon atteint", None))
        self.milestoneDueText.setText(QCoreApplication.translate("TimelinePage", u"Jalon \u00e0 venir", None))
        self.milestoneOverdueText.setText(QCoreApplication.translate("TimelinePage", u"Jalon en retard", None))
        pass
    # retranslateUi

