# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reports_page.ui'
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
from PySide6.QtWidgets import (QApplication, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QProgressBar, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSplitter, QStackedWidget,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_ReportsPage(object):
    def setupUi(self, ReportsPage):
        if not ReportsPage.objectName():
            ReportsPage.setObjectName(u"ReportsPage")
        self.pageLayout = QVBoxLayout(ReportsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.splitter = QSplitter(ReportsPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.sideScroll = QScrollArea(self.splitter)
        self.sideScroll.setObjectName(u"sideScroll")
        self.sideScroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sideScroll.setMinimumSize(QSize(400, 0))
        self.sideScroll.setWidgetResizable(True)
        self.sideWidget = QWidget()
        self.sideWidget.setObjectName(u"sideWidget")
        self.sideLayout = QVBoxLayout(self.sideWidget)
        self.sideLayout.setObjectName(u"sideLayout")
        self.optionsLayout = QVBoxLayout()
        self.optionsLayout.setObjectName(u"optionsLayout")

        self.sideLayout.addLayout(self.optionsLayout)

        self.generationBox = QGroupBox(self.sideWidget)
        self.generationBox.setObjectName(u"generationBox")
        self.generationLayout = QVBoxLayout(self.generationBox)
        self.generationLayout.setObjectName(u"generationLayout")
        self.generationButtons = QHBoxLayout()
        self.generationButtons.setObjectName(u"generationButtons")
        self.generateButton = QPushButton(self.generationBox)
        self.generateButton.setObjectName(u"generateButton")

        self.generationButtons.addWidget(self.generateButton)

        self.cancelButton = QPushButton(self.generationBox)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setEnabled(False)

        self.generationButtons.addWidget(self.cancelButton)

        self.generationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.generationButtons.addItem(self.generationSpacer)

        self.generationButtons.setStretch(2, 1)

        self.generationLayout.addLayout(self.generationButtons)

        self.progressBar = QProgressBar(self.generationBox)
        self.progressBar.setObjectName(u"progressBar")

        self.generationLayout.addWidget(self.progressBar)

        self.stateLabel = QLabel(self.generationBox)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)
        self.stateLabel.setProperty(u"role", u"hint")

        self.generationLayout.addWidget(self.stateLabel)

        self.erreur_generation = QLabel(self.generationBox)
        self.erreur_generation.setObjectName(u"erreur_generation")

        self.generationLayout.addWidget(self.erreur_generation)

        self.saveButton = QPushButton(self.generationBox)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setEnabled(False)

        self.generationLayout.addWidget(self.saveButton, 0, Qt.AlignmentFlag.AlignLeft)


        self.sideLayout.addWidget(self.generationBox)

        self.sendingBox = QGroupBox(self.sideWidget)
        self.sendingBox.setObjectName(u"sendingBox")
        self.sendingLayout = QVBoxLayout(self.sendingBox)
        self.sendingLayout.setObjectName(u"sendingLayout")
        self.markSentButton = QPushButton(self.sendingBox)
        self.markSentButton.setObjectName(u"markSentButton")

        self.sendingLayout.addWidget(self.markSentButton, 0, Qt.AlignmentFlag.AlignLeft)

        self.sentLabel = QLabel(self.sendingBox)
        self.sentLabel.setObjectName(u"sentLabel")
        self.sentLabel.setWordWrap(True)

        self.sendingLayout.addWidget(self.sentLabel)

        self.sendErrorLabel = QLabel(self.sendingBox)
        self.sendErrorLabel.setObjectName(u"sendErrorLabel")

        self.sendingLayout.addWidget(self.sendErrorLabel)

        self.lastSentLabel = QLabel(self.sendingBox)
        self.lastSentLabel.setObjectName(u"lastSentLabel")
        self.lastSentLabel.setWordWrap(True)
        self.lastSentLabel.setProperty(u"role", u"hint")

        self.sendingLayout.addWidget(self.lastSentLabel)


        self.sideLayout.addWidget(self.sendingBox)

        self.sideSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sideLayout.addItem(self.sideSpacer)

        self.sideScroll.setWidget(self.sideWidget)
        self.splitter.addWidget(self.sideScroll)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName(u"tabs")
        self.previewTab = QWidget()
        self.previewTab.setObjectName(u"previewTab")
        self.previewLayout = QVBoxLayout(self.previewTab)
        self.previewLayout.setObjectName(u"previewLayout")
        self.pageCountLabel = QLabel(self.previewTab)
        self.pageCountLabel.setObjectName(u"pageCountLabel")

        self.previewLayout.addWidget(self.pageCountLabel)

        self.previewStack = QStackedWidget(self.previewTab)
        self.previewStack.setObjectName(u"previewStack")
        self.emptyPreview = QLabel()
        self.emptyPreview.setObjectName(u"emptyPreview")
        self.emptyPreview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyPreview.setWordWrap(True)
        self.emptyPreview.setProperty(u"role", u"hint")
        self.previewStack.addWidget(self.emptyPreview)

        self.previewLayout.addWidget(self.previewStack)

        self.previewLayout.setStretch(1, 1)
        self.tabs.addTab(self.previewTab, "")
        self.checksTab = QWidget()
        self.checksTab.setObjectName(u"checksTab")
        self.checksLayout = QVBoxLayout(self.checksTab)
        self.checksLayout.setObjectName(u"checksLayout")
        self.findingsCount = QLabel(self.checksTab)
        self.findingsCount.setObjectName(u"findingsCount")

        self.checksLayout.addWidget(self.findingsCount)

        self.findingsView = QTableView(self.checksTab)
        self.findingsView.setObjectName(u"findingsView")

        self.checksLayout.addWidget(self.findingsView)

        self.findingsHint = QLabel(self.checksTab)
        self.findingsHint.setObjectName(u"findingsHint")
        self.findingsHint.setProperty(u"role", u"hint")

        self.checksLayout.addWidget(self.findingsHint)

        self.checksLayout.setStretch(1, 1)
        self.tabs.addTab(self.checksTab, "")
        self.splitter.addWidget(self.tabs)

        self.pageLayout.addWidget(self.splitter)

        QWidget.setTabOrder(self.generateButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.markSentButton)
        QWidget.setTabOrder(self.markSentButton, self.sideScroll)
        QWidget.setTabOrder(self.sideScroll, self.tabs)
        QWidget.setTabOrder(self.tabs, self.findingsView)

        self.retranslateUi(ReportsPage)

        self.generateButton.setDefault(True)


        QMetaObject.connectSlotsByName(ReportsPage)
    # setupUi

    def retranslateUi(self, ReportsPage):
        self.generationBox.setTitle(QCoreApplication.translate("ReportsPage", u"Aper\u00e7u", None))
        self.generateButton.setText(QCoreApplication.translate("ReportsPage", u"G\u00e9n\u00e9rer l'aper\u00e7u", None))
        self.cancelButton.setText(QCoreApplication.translate("ReportsPage", u"Annuler", None))
        self.saveButton.setText(QCoreApplication.translate("ReportsPage", u"Enregistrer sous\u2026", None))
        self.sendingBox.setTitle(QCoreApplication.translate("ReportsPage", u"Envoi \u00e0 la R\u00e9gion", None))
        self.markSentButton.setText(QCoreApplication.translate("ReportsPage", u"Marquer comme envoy\u00e9 \u00e0 la R\u00e9gion", None))
        self.emptyPreview.setText(QCoreApplication.translate("ReportsPage", u"Choisissez les options puis cliquez sur \u00ab G\u00e9n\u00e9rer l'aper\u00e7u \u00bb : le rapport s'affichera ici.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.previewTab), QCoreApplication.translate("ReportsPage", u"Aper\u00e7u du rapport", None))
#if QT_CONFIG(accessibility)
        self.findingsView.setAccessibleName(QCoreApplication.translate("ReportsPage", u"Contr\u00f4le avant envoi", None))
#endif // QT_CONFIG(accessibility)
        self.findingsHint.setText(QCoreApplication.translate("ReportsPage", u"Double-cliquez sur un point pour ouvrir sa fiche-action.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.checksTab), QCoreApplication.translate("ReportsPage", u"Contr\u00f4le avant envoi", None))
        pass
    # retranslateUi

