# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'actor_detail.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QListView, QSizePolicy,
    QSpacerItem, QStackedWidget, QVBoxLayout, QWidget)

class Ui_ActorDetail(object):
    def setupUi(self, ActorDetail):
        if not ActorDetail.objectName():
            ActorDetail.setObjectName(u"ActorDetail")
        self.placeholder = QLabel()
        self.placeholder.setObjectName(u"placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        ActorDetail.addWidget(self.placeholder)
        self.details = QWidget()
        self.details.setObjectName(u"details")
        self.detailsLayout = QHBoxLayout(self.details)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsLayout.setContentsMargins(0, 0, 0, 0)
        self.card = QGroupBox(self.details)
        self.card.setObjectName(u"card")
        self.cardLayout = QVBoxLayout(self.card)
        self.cardLayout.setObjectName(u"cardLayout")
        self.nameLabel = QLabel(self.card)
        self.nameLabel.setObjectName(u"nameLabel")
        self.nameLabel.setWordWrap(True)

        self.cardLayout.addWidget(self.nameLabel)

        self.organisationLabel = QLabel(self.card)
        self.organisationLabel.setObjectName(u"organisationLabel")
        self.organisationLabel.setWordWrap(True)

        self.cardLayout.addWidget(self.organisationLabel)

        self.cardForm = QFormLayout()
        self.cardForm.setObjectName(u"cardForm")
        self.cardForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.kindCaption = QLabel(self.card)
        self.kindCaption.setObjectName(u"kindCaption")

        self.cardForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindCaption)

        self.kindLabel = QLabel(self.card)
        self.kindLabel.setObjectName(u"kindLabel")

        self.cardForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindLabel)

        self.emailCaption = QLabel(self.card)
        self.emailCaption.setObjectName(u"emailCaption")

        self.cardForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.emailCaption)

        self.emailLabel = QLabel(self.card)
        self.emailLabel.setObjectName(u"emailLabel")
        self.emailLabel.setTextFormat(Qt.TextFormat.RichText)
        self.emailLabel.setOpenExternalLinks(True)
        self.emailLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        self.cardForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.emailLabel)

        self.phoneCaption = QLabel(self.card)
        self.phoneCaption.setObjectName(u"phoneCaption")

        self.cardForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneCaption)

        self.phoneLabel = QLabel(self.card)
        self.phoneLabel.setObjectName(u"phoneLabel")
        self.phoneLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.cardForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phoneLabel)

        self.rolesCaption = QLabel(self.card)
        self.rolesCaption.setObjectName(u"rolesCaption")

        self.cardForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rolesCaption)

        self.rolesLabel = QLabel(self.card)
        self.rolesLabel.setObjectName(u"rolesLabel")
        self.rolesLabel.setWordWrap(True)

        self.cardForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rolesLabel)

        self.notesCaption = QLabel(self.card)
        self.notesCaption.setObjectName(u"notesCaption")

        self.cardForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesCaption)

        self.notesLabel = QLabel(self.card)
        self.notesLabel.setObjectName(u"notesLabel")
        self.notesLabel.setWordWrap(True)
        self.notesLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.cardForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notesLabel)


        self.cardLayout.addLayout(self.cardForm)

        self.cardSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.cardLayout.addItem(self.cardSpacer)


        self.detailsLayout.addWidget(self.card)

        self.leadBox = QGroupBox(self.details)
        self.leadBox.setObjectName(u"leadBox")
        self.leadBoxLayout = QVBoxLayout(self.leadBox)
        self.leadBoxLayout.setObjectName(u"leadBoxLayout")
        self.leadList = QListView(self.leadBox)
        self.leadList.setObjectName(u"leadList")
        self.leadList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.leadList.setAlternatingRowColors(True)
        self.leadList.setSpacing(2)
        self.leadList.setWordWrap(True)

        self.leadBoxLayout.addWidget(self.leadList)


        self.detailsLayout.addWidget(self.leadBox)

        self.partnerBox = QGroupBox(self.details)
        self.partnerBox.setObjectName(u"partnerBox")
        self.partnerBoxLayout = QVBoxLayout(self.partnerBox)
        self.partnerBoxLayout.setObjectName(u"partnerBoxLayout")
        self.partnerList = QListView(self.partnerBox)
        self.partnerList.setObjectName(u"partnerList")
        self.partnerList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.partnerList.setAlternatingRowColors(True)
        self.partnerList.setSpacing(2)
        self.partnerList.setWordWrap(True)

        self.partnerBoxLayout.addWidget(self.partnerList)


        self.detailsLayout.addWidget(self.partnerBox)

        self.detailsLayout.setStretch(0, 5)
        self.detailsLayout.setStretch(1, 4)
        self.detailsLayout.setStretch(2, 5)
        ActorDetail.addWidget(self.details)
        QWidget.setTabOrder(self.leadList, self.partnerList)

        self.retranslateUi(ActorDetail)

        QMetaObject.connectSlotsByName(ActorDetail)
    # setupUi

    def retranslateUi(self, ActorDetail):
        self.placeholder.setText(QCoreApplication.translate("ActorDetail", u"S\u00e9lectionnez un acteur pour voir ses coordonn\u00e9es et ses actions.", None))
        self.card.setTitle(QCoreApplication.translate("ActorDetail", u"Coordonn\u00e9es", None))
        self.kindCaption.setText(QCoreApplication.translate("ActorDetail", u"Type", None))
        self.emailCaption.setText(QCoreApplication.translate("ActorDetail", u"Courriel", None))
        self.phoneCaption.setText(QCoreApplication.translate("ActorDetail", u"T\u00e9l\u00e9phone", None))
        self.rolesCaption.setText(QCoreApplication.translate("ActorDetail", u"Gouvernance", None))
        self.notesCaption.setText(QCoreApplication.translate("ActorDetail", u"Notes", None))
#if QT_CONFIG(accessibility)
        self.leadList.setAccessibleName(QCoreApplication.translate("ActorDetail", u"Actions port\u00e9es", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.partnerList.setAccessibleName(QCoreApplication.translate("ActorDetail", u"Actions en partenariat", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

