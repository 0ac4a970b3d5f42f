# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'directory.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTableView, QVBoxLayout,
    QWidget)

class Ui_DirectoryPage(object):
    def setupUi(self, DirectoryPage):
        if not DirectoryPage.objectName():
            DirectoryPage.setObjectName(u"DirectoryPage")
        self.pageLayout = QVBoxLayout(DirectoryPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.searchEdit = QLineEdit(DirectoryPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.bar.addWidget(self.searchEdit)

        self.kindCombo = QComboBox(DirectoryPage)
        self.kindCombo.setObjectName(u"kindCombo")

        self.bar.addWidget(self.kindCombo)

        self.countLabel = QLabel(DirectoryPage)
        self.countLabel.setObjectName(u"countLabel")

        self.bar.addWidget(self.countLabel)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bar.addItem(self.barSpacer)

        self.newButton = QPushButton(DirectoryPage)
        self.newButton.setObjectName(u"newButton")

        self.bar.addWidget(self.newButton)

        self.editButton = QPushButton(DirectoryPage)
        self.editButton.setObjectName(u"editButton")

        self.bar.addWidget(self.editButton)

        self.deleteButton = QPushButton(DirectoryPage)
        self.deleteButton.setObjectName(u"deleteButton")

        self.bar.addWidget(self.deleteButton)

        self.bar.setStretch(0, 3)
        self.bar.setStretch(1, 1)
        self.bar.setStretch(3, 1)

        self.pageLayout.addLayout(self.bar)

        self.messageLabel = QLabel(DirectoryPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.pageLayout.addWidget(self.messageLabel)

        self.splitter = QSplitter(DirectoryPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.actorsView = QTableView(self.splitter)
        self.actorsView.setObjectName(u"actorsView")
        self.splitter.addWidget(self.actorsView)

        self.pageLayout.addWidget(self.splitter)

        self.pageLayout.setStretch(2, 1)
        QWidget.setTabOrder(self.searchEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.newButton)
        QWidget.setTabOrder(self.newButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.actorsView)

        self.retranslateUi(DirectoryPage)

        QMetaObject.connectSlotsByName(DirectoryPage)
    # setupUi

    def retranslateUi(self, DirectoryPage):
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("DirectoryPage", u"Rechercher dans l'annuaire", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("DirectoryPage", u"Rechercher un nom, une organisation, un courriel\u2026", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("DirectoryPage", u"Type d'acteur", None))
#endif // QT_CONFIG(accessibility)
        self.newButton.setText(QCoreApplication.translate("DirectoryPage", u"Nouvel acteur\u2026", None))
        self.editButton.setText(QCoreApplication.translate("DirectoryPage", u"Modifier\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("DirectoryPage", u"Supprimer", None))
#if QT_CONFIG(accessibility)
        self.actorsView.setAccessibleName(QCoreApplication.translate("DirectoryPage", u"Acteurs", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

