# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'swot_quadrant.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QLabel, QListView, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_Quadrant(object):
    def setupUi(self, Quadrant):
        if not Quadrant.objectName():
            Quadrant.setObjectName(u"Quadrant")
        self.quadrantLayout = QVBoxLayout(Quadrant)
        self.quadrantLayout.setObjectName(u"quadrantLayout")
        self.titleLabel = QLabel(Quadrant)
        self.titleLabel.setObjectName(u"titleLabel")

        self.quadrantLayout.addWidget(self.titleLabel)

        self.itemList = QListView(Quadrant)
        self.itemList.setObjectName(u"itemList")
        self.itemList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemList.setIconSize(QSize(12, 12))
        self.itemList.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.itemList.setResizeMode(QListView.ResizeMode.Adjust)
        self.itemList.setUniformItemSizes(False)
        self.itemList.setWordWrap(True)

        self.quadrantLayout.addWidget(self.itemList)

        self.messageLabel = QLabel(Quadrant)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.quadrantLayout.addWidget(self.messageLabel)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.addButton = QPushButton(Quadrant)
        self.addButton.setObjectName(u"addButton")

        self.buttons.addWidget(self.addButton)

        self.editButton = QPushButton(Quadrant)
        self.editButton.setObjectName(u"editButton")

        self.buttons.addWidget(self.editButton)

        self.deleteButton = QPushButton(Quadrant)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttons.addWidget(self.deleteButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)

        self.upButton = QPushButton(Quadrant)
        self.upButton.setObjectName(u"upButton")

        self.buttons.addWidget(self.upButton)

        self.downButton = QPushButton(Quadrant)
        self.downButton.setObjectName(u"downButton")

        self.buttons.addWidget(self.downButton)

        self.buttons.setStretch(3, 1)

        self.quadrantLayout.addLayout(self.buttons)

        self.quadrantLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.itemList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.itemList, self.addButton)
        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.upButton)
        QWidget.setTabOrder(self.upButton, self.downButton)

        self.retranslateUi(Quadrant)

        QMetaObject.connectSlotsByName(Quadrant)
    # setupUi

    def retranslateUi(self, Quadrant):
        self.addButton.setText(QCoreApplication.translate("Quadrant", u"Ajouter", None))
        self.editButton.setText(QCoreApplication.translate("Quadrant", u"Modifier", None))
        self.deleteButton.setText(QCoreApplication.translate("Quadrant", u"Supprimer", None))
        self.upButton.setText(QCoreApplication.translate("Quadrant", u"Monter", None))
        self.downButton.setText(QCoreApplication.translate("Quadrant", u"Descendre", None))
        pass
    # retranslateUi

