# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'indicator_import_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_IndicatorImportDialog(object):
    def setupUi(self, IndicatorImportDialog):
        if not IndicatorImportDialog.objectName():
            IndicatorImportDialog.setObjectName(u"IndicatorImportDialog")
        IndicatorImportDialog.resize(860, 560)
        self.dialogLayout = QVBoxLayout(IndicatorImportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(IndicatorImportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setProperty(u"role", u"hint")

        self.dialogLayout.addWidget(self.introLabel)

        self.fileLabel = QLabel(IndicatorImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.dialogLayout.addWidget(self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.pathEdit = QLineEdit(IndicatorImportDialog)
        self.pathEdit.setObjectName(u"pathEdit")
        self.pathEdit.setReadOnly(True)

        self.fileRow.addWidget(self.pathEdit)

        self.browseButton = QPushButton(IndicatorImportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileRow.addWidget(self.browseButton)

        self.fileRow.setStretch(0, 1)

        self.dialogLayout.addLayout(self.fileRow)

        self.progressRow = QHBoxLayout()
        self.progressRow.setObjectName(u"progressRow")
        self.progressBar = QProgressBar(IndicatorImportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximum(0)

        self.progressRow.addWidget(self.progressBar)

        self.cancelButton = QPushButton(IndicatorImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.progressRow.addWidget(self.cancelButton)

        self.retryButton = QPushButton(IndicatorImportDialog)
        self.retryButton.setObjectName(u"retryButton")

        self.progressRow.addWidget(self.retryButton)

        self.progressSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.progressRow.addItem(self.progressSpacer)

        self.progressRow.setStretch(0, 1)

        self.dialogLayout.addLayout(self.progressRow)

        self.stateLabel = QLabel(IndicatorImportDialog)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)
        self.stateLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.stateLabel)

        self.erreur_indicateurs = QLabel(IndicatorImportDialog)
        self.erreur_indicateurs.setObjectName(u"erreur_indicateurs")

        self.dialogLayout.addWidget(self.erreur_indicateurs)

        self.reportLayout = QVBoxLayout()
        self.reportLayout.setObjectName(u"reportLayout")

        self.dialogLayout.addLayout(self.reportLayout)

        self.buttonBox = QDialogButtonBox(IndicatorImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(6, 1)
#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.pathEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.pathEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.retryButton)

        self.retranslateUi(IndicatorImportDialog)

        QMetaObject.connectSlotsByName(IndicatorImportDialog)
    # setupUi

    def retranslateUi(self, IndicatorImportDialog):
        IndicatorImportDialog.setWindowTitle(QCoreApplication.translate("IndicatorImportDialog", u"Importer des valeurs d'indicateurs", None))
        self.introLabel.setText(QCoreApplication.translate("IndicatorImportDialog", u"Un fichier CSV ou Excel \u00ab long \u00bb : une ligne par mesure, avec les colonnes indicateur, date (ou ann\u00e9e), valeur, et si possible unit\u00e9 et source \u2014 comme les t\u00e9l\u00e9chargements de l'INSEE ou de l'Observatoire des territoires. Les indicateurs inconnus sont ajout\u00e9s au diagnostic ; une mesure d\u00e9j\u00e0 pr\u00e9sente \u00e0 la m\u00eame date est mise \u00e0 jour.", None))
        self.fileLabel.setText(QCoreApplication.translate("IndicatorImportDialog", u"Fichier :", None))
        self.pathEdit.setPlaceholderText(QCoreApplication.translate("IndicatorImportDialog", u"Choisissez un fichier\u2026", None))
        self.browseButton.setText(QCoreApplication.translate("IndicatorImportDialog", u"&Parcourir\u2026", None))
        self.cancelButton.setText(QCoreApplication.translate("IndicatorImportDialog", u"Annuler la v\u00e9rification", None))
#if QT_CONFIG(tooltip)
        self.retryButton.setToolTip(QCoreApplication.translate("IndicatorImportDialog", u"Apr\u00e8s avoir corrig\u00e9 le fichier dans votre tableur.", None))
#endif // QT_CONFIG(tooltip)
        self.retryButton.setText(QCoreApplication.translate("IndicatorImportDialog", u"&V\u00e9rifier \u00e0 nouveau", None))
    # retranslateUi

