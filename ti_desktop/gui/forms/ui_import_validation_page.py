# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_validation_page.ui'
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

class Ui_ValidationPage(object):
    def setupUi(self, ValidationPage):
        if not ValidationPage.objectName():
            ValidationPage.setObjectName(u"ValidationPage")
        self.pageLayout = QVBoxLayout(ValidationPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.progressRow = QHBoxLayout()
        self.progressRow.setObjectName(u"progressRow")
        self.progressBar = QProgressBar(ValidationPage)
        self.progressBar.setObjectName(u"progressBar")

        self.progressRow.addWidget(self.progressBar)

        self.cancelButton = QPushButton(ValidationPage)
        self.cancelButton.setObjectName(u"cancelButton")

        self.progressRow.addWidget(self.cancelButton)

        self.retryButton = QPushButton(ValidationPage)
        self.retryButton.setObjectName(u"retryButton")

        self.progressRow.addWidget(self.retryButton)

        self.progressSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.progressRow.addItem(self.progressSpacer)

        self.progressRow.setStretch(0, 1)

        self.pageLayout.addLayout(self.progressRow)

        self.stateLabel = QLabel(ValidationPage)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)
        self.stateLabel.setProperty(u"role", u"hint")

        self.pageLayout.addWidget(self.stateLabel)

        self.erreur_verification = QLabel(ValidationPage)
        self.erreur_verification.setObjectName(u"erreur_verification")

        self.pageLayout.addWidget(self.erreur_verification)

        self.reportLayout = QVBoxLayout()
        self.reportLayout.setObjectName(u"reportLayout")

        self.pageLayout.addLayout(self.reportLayout)

        self.pageLayout.setStretch(3, 1)

        self.retranslateUi(ValidationPage)

        QMetaObject.connectSlotsByName(ValidationPage)
    # setupUi

    def retranslateUi(self, ValidationPage):
        ValidationPage.setTitle(QCoreApplication.translate("ValidationPage", u"V\u00e9rification", None))
        ValidationPage.setSubTitle(QCoreApplication.translate("ValidationPage", u"Le fichier est lu et contr\u00f4l\u00e9 ; rien n'est encore \u00e9crit dans votre plan.", None))
        self.cancelButton.setText(QCoreApplication.translate("ValidationPage", u"Annuler la v\u00e9rification", None))
#if QT_CONFIG(tooltip)
        self.retryButton.setToolTip(QCoreApplication.translate("ValidationPage", u"Apr\u00e8s avoir corrig\u00e9 le fichier dans votre tableur.", None))
#endif // QT_CONFIG(tooltip)
        self.retryButton.setText(QCoreApplication.translate("ValidationPage", u"&V\u00e9rifier \u00e0 nouveau", None))
    # retranslateUi

