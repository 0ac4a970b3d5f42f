# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'diagnostic_challenges.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTreeView, QVBoxLayout,
    QWidget)

class Ui_ChallengesTab(object):
    def setupUi(self, ChallengesTab):
        if not ChallengesTab.objectName():
            ChallengesTab.setObjectName(u"ChallengesTab")
        self.pageLayout = QVBoxLayout(ChallengesTab)
        self.pageLayout.setObjectName(u"pageLayout")
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.addButton = QPushButton(ChallengesTab)
        self.addButton.setObjectName(u"addButton")

        self.bar.addWidget(self.addButton)

        self.editButton = QPushButton(ChallengesTab)
        self.editButton.setObjectName(u"editButton")

        self.bar.addWidget(self.editButton)

        self.deleteButton = QPushButton(ChallengesTab)
        self.deleteButton.setObjectName(u"deleteButton")

        self.bar.addWidget(self.deleteButton)

        self.barGap = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.bar.addItem(self.barGap)

        self.unansweredCheck = QCheckBox(ChallengesTab)
        self.unansweredCheck.setObjectName(u"unansweredCheck")

        self.bar.addWidget(self.unansweredCheck)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bar.addItem(self.barSpacer)

        self.summaryLabel = QLabel(ChallengesTab)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.bar.addWidget(self.summaryLabel)

        self.bar.setStretch(5, 1)

        self.pageLayout.addLayout(self.bar)

        self.challengeView = QTreeView(ChallengesTab)
        self.challengeView.setObjectName(u"challengeView")
        self.challengeView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.challengeView.setAlternatingRowColors(True)
        self.challengeView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.pageLayout.addWidget(self.challengeView)

        self.detail = QFrame(ChallengesTab)
        self.detail.setObjectName(u"detail")
        self.detail.setMinimumSize(QSize(0, 120))
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detailLayout = QVBoxLayout(self.detail)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailTop = QHBoxLayout()
        self.detailTop.setObjectName(u"detailTop")
        self.detailTitle = QLabel(self.detail)
        self.detailTitle.setObjectName(u"detailTitle")
        self.detailTitle.setWordWrap(True)
        self.detailTitle.setTextFormat(Qt.TextFormat.PlainText)

        self.detailTop.addWidget(self.detailTitle)

        self.detailBadge = QLabel(self.detail)
        self.detailBadge.setObjectName(u"detailBadge")

        self.detailTop.addWidget(self.detailBadge, 0, Qt.AlignmentFlag.AlignTop)

        self.detailTop.setStretch(0, 1)

        self.detailLayout.addLayout(self.detailTop)

        self.detailMeta = QLabel(self.detail)
        self.detailMeta.setObjectName(u"detailMeta")
        self.detailMeta.setTextFormat(Qt.TextFormat.PlainText)

        self.detailLayout.addWidget(self.detailMeta)

        self.detailDescription = QLabel(self.detail)
        self.detailDescription.setObjectName(u"detailDescription")
        self.detailDescription.setTextFormat(Qt.TextFormat.PlainText)
        self.detailDescription.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.detailDescription.setWordWrap(True)
        self.detailDescription.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.detailDescription)


        self.pageLayout.addWidget(self.detail)

        self.messageLabel = QLabel(ChallengesTab)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.pageLayout.addWidget(self.messageLabel)

        self.pageLayout.setStretch(1, 1)
        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.unansweredCheck)
        QWidget.setTabOrder(self.unansweredCheck, self.challengeView)

        self.retranslateUi(ChallengesTab)

        QMetaObject.connectSlotsByName(ChallengesTab)
    # setupUi

    def retranslateUi(self, ChallengesTab):
        self.addButton.setText(QCoreApplication.translate("ChallengesTab", u"Nouvel enjeu", None))
        self.editButton.setText(QCoreApplication.translate("ChallengesTab", u"Modifier", None))
        self.deleteButton.setText(QCoreApplication.translate("ChallengesTab", u"Supprimer", None))
        self.unansweredCheck.setText(QCoreApplication.translate("ChallengesTab", u"Enjeux sans action seulement", None))
#if QT_CONFIG(accessibility)
        self.challengeView.setAccessibleName(QCoreApplication.translate("ChallengesTab", u"Enjeux", None))
#endif // QT_CONFIG(accessibility)
        self.detailBadge.setText(QCoreApplication.translate("ChallengesTab", u"Aucune action ne r\u00e9pond \u00e0 cet enjeu", None))
        pass
    # retranslateUi

