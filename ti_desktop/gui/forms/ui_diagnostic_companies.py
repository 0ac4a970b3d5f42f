# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'diagnostic_companies.ui'
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
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_CompaniesTab(object):
    def setupUi(self, CompaniesTab):
        if not CompaniesTab.objectName():
            CompaniesTab.setObjectName(u"CompaniesTab")
        self.pageLayout = QVBoxLayout(CompaniesTab)
        self.pageLayout.setObjectName(u"pageLayout")
        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.addButton = QPushButton(CompaniesTab)
        self.addButton.setObjectName(u"addButton")

        self.buttons.addWidget(self.addButton)

        self.editButton = QPushButton(CompaniesTab)
        self.editButton.setObjectName(u"editButton")

        self.buttons.addWidget(self.editButton)

        self.deleteButton = QPushButton(CompaniesTab)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttons.addWidget(self.deleteButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)

        self.totalLabel = QLabel(CompaniesTab)
        self.totalLabel.setObjectName(u"totalLabel")

        self.buttons.addWidget(self.totalLabel)

        self.buttons.setStretch(3, 1)

        self.pageLayout.addLayout(self.buttons)

        self.companyView = QTableView(CompaniesTab)
        self.companyView.setObjectName(u"companyView")

        self.pageLayout.addWidget(self.companyView)

        self.messageLabel = QLabel(CompaniesTab)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.pageLayout.addWidget(self.messageLabel)

        self.pageLayout.setStretch(1, 1)
        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.companyView)

        self.retranslateUi(CompaniesTab)

        QMetaObject.connectSlotsByName(CompaniesTab)
    # setupUi

    def retranslateUi(self, CompaniesTab):
        self.addButton.setText(QCoreApplication.translate("CompaniesTab", u"Ajouter une entreprise", None))
        self.editButton.setText(QCoreApplication.translate("CompaniesTab", u"Modifier", None))
        self.deleteButton.setText(QCoreApplication.translate("CompaniesTab", u"Supprimer", None))
#if QT_CONFIG(accessibility)
        self.companyView.setAccessibleName(QCoreApplication.translate("CompaniesTab", u"Entreprises cl\u00e9s", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

