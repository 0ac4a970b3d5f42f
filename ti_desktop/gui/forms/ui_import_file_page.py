# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_file_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget, QWizardPage)

class Ui_FilePage(object):
    def setupUi(self, FilePage):
        if not FilePage.objectName():
            FilePage.setObjectName(u"FilePage")
        self.pageLayout = QVBoxLayout(FilePage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.fileLabel = QLabel(FilePage)
        self.fileLabel.setObjectName(u"fileLabel")

        self.pageLayout.addWidget(self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.pathEdit = QLineEdit(FilePage)
        self.pathEdit.setObjectName(u"pathEdit")

        self.fileRow.addWidget(self.pathEdit)

        self.browseButton = QPushButton(FilePage)
        self.browseButton.setObjectName(u"browseButton")

        self.fileRow.addWidget(self.browseButton)

        self.fileRow.setStretch(0, 1)

        self.pageLayout.addLayout(self.fileRow)

        self.stateLabel = QLabel(FilePage)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)
        self.stateLabel.setProperty(u"role", u"hint")

        self.pageLayout.addWidget(self.stateLabel)

        self.erreur_fichier = QLabel(FilePage)
        self.erreur_fichier.setObjectName(u"erreur_fichier")

        self.pageLayout.addWidget(self.erreur_fichier)

        self.pageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.pageSpacer)

        self.templateHint = QLabel(FilePage)
        self.templateHint.setObjectName(u"templateHint")
        self.templateHint.setWordWrap(True)
        self.templateHint.setProperty(u"role", u"hint")

        self.pageLayout.addWidget(self.templateHint)

        self.templateButton = QPushButton(FilePage)
        self.templateButton.setObjectName(u"templateButton")

        self.pageLayout.addWidget(self.templateButton, 0, Qt.AlignmentFlag.AlignLeft)

        self.pageLayout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.pathEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FilePage)

        QMetaObject.connectSlotsByName(FilePage)
    # setupUi

    def retranslateUi(self, FilePage):
        FilePage.setTitle(QCoreApplication.translate("FilePage", u"Fichier \u00e0 importer", None))
        FilePage.setSubTitle(QCoreApplication.translate("FilePage", u"Le mod\u00e8le de plan de TI Desktop, un plan export\u00e9 de Territoires en Transitions, ou tout tableau dont vous indiquerez les colonnes. Formats : Excel (.xlsx, .xls), OpenDocument (.ods), CSV.", None))
        self.fileLabel.setText(QCoreApplication.translate("FilePage", u"Fichier :", None))
        self.pathEdit.setPlaceholderText(QCoreApplication.translate("FilePage", u"Choisissez un fichier\u2026", None))
        self.browseButton.setText(QCoreApplication.translate("FilePage", u"&Parcourir\u2026", None))
        self.templateHint.setText(QCoreApplication.translate("FilePage", u"Pas encore de fichier ? Enregistrez le mod\u00e8le de plan, remplissez-le dans votre tableur (une fiche-action par ligne ; financements et jalons sur leurs feuilles), puis importez-le.", None))
        self.templateButton.setText(QCoreApplication.translate("FilePage", u"Enregistrer le &mod\u00e8le de plan\u2026", None))
    # retranslateUi

