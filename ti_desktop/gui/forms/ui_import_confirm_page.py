# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_confirm_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget, QWizardPage)

class Ui_ConfirmPage(object):
    def setupUi(self, ConfirmPage):
        if not ConfirmPage.objectName():
            ConfirmPage.setObjectName(u"ConfirmPage")
        self.pageLayout = QVBoxLayout(ConfirmPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.summaryLabel = QLabel(ConfirmPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.pageLayout.addWidget(self.summaryLabel)

        self.importRow = QHBoxLayout()
        self.importRow.setObjectName(u"importRow")
        self.importButton = QPushButton(ConfirmPage)
        self.importButton.setObjectName(u"importButton")

        self.importRow.addWidget(self.importButton)

        self.progressBar = QProgressBar(ConfirmPage)
        self.progressBar.setObjectName(u"progressBar")

        self.importRow.addWidget(self.progressBar)

        self.cancelButton = QPushButton(ConfirmPage)
        self.cancelButton.setObjectName(u"cancelButton")

        self.importRow.addWidget(self.cancelButton)

        self.importSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.importRow.addItem(self.importSpacer)

        self.importRow.setStretch(1, 1)

        self.pageLayout.addLayout(self.importRow)

        self.stateLabel = QLabel(ConfirmPage)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)
        self.stateLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.pageLayout.addWidget(self.stateLabel)

        self.erreur_import = QLabel(ConfirmPage)
        self.erreur_import.setObjectName(u"erreur_import")

        self.pageLayout.addWidget(self.erreur_import)

        self.reportLayout = QVBoxLayout()
        self.reportLayout.setObjectName(u"reportLayout")

        self.pageLayout.addLayout(self.reportLayout)

        self.pageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.pageSpacer)

        self.pageLayout.setStretch(4, 1)

        self.retranslateUi(ConfirmPage)

        self.importButton.setDefault(True)


        QMetaObject.connectSlotsByName(ConfirmPage)
    # setupUi

    def retranslateUi(self, ConfirmPage):
        ConfirmPage.setTitle(QCoreApplication.translate("ConfirmPage", u"Import", None))
        self.importButton.setText(QCoreApplication.translate("ConfirmPage", u"&Importer", None))
        self.cancelButton.setText(QCoreApplication.translate("ConfirmPage", u"Arr\u00eater l'import", None))
    # retranslateUi

