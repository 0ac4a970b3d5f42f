# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'region_page.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QHeaderView,
    QLabel, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_RegionPage(object):
    def setupUi(self, RegionPage):
        if not RegionPage.objectName():
            RegionPage.setObjectName(u"RegionPage")
        self.pageLayout = QVBoxLayout(RegionPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.headingLabel = QLabel(RegionPage)
        self.headingLabel.setObjectName(u"headingLabel")

        self.pageLayout.addWidget(self.headingLabel)

        self.toolbarLayout = QHBoxLayout()
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.addFilesButton = QPushButton(RegionPage)
        self.addFilesButton.setObjectName(u"addFilesButton")

        self.toolbarLayout.addWidget(self.addFilesButton)

        self.addFolderButton = QPushButton(RegionPage)
        self.addFolderButton.setObjectName(u"addFolderButton")

        self.toolbarLayout.addWidget(self.addFolderButton)

        self.exportButton = QPushButton(RegionPage)
        self.exportButton.setObjectName(u"exportButton")

        self.toolbarLayout.addWidget(self.exportButton)

        self.progressBar = QProgressBar(RegionPage)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximumSize(QSize(240, 16777215))

        self.toolbarLayout.addWidget(self.progressBar)

        self.cancelButton = QPushButton(RegionPage)
        self.cancelButton.setObjectName(u"cancelButton")

        self.toolbarLayout.addWidget(self.cancelButton)

        self.stateLabel = QLabel(RegionPage)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)
        self.stateLabel.setProperty(u"role", u"hint")

        self.toolbarLayout.addWidget(self.stateLabel)

        self.toolbarLayout.setStretch(5, 1)

        self.pageLayout.addLayout(self.toolbarLayout)

        self.errorLabel = QLabel(RegionPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"role", u"error")

        self.pageLayout.addWidget(self.errorLabel)

        self.resultsButton = QPushButton(RegionPage)
        self.resultsButton.setObjectName(u"resultsButton")
        self.resultsButton.setFlat(True)

        self.pageLayout.addWidget(self.resultsButton)

        self.emptyLabel = QLabel(RegionPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setProperty(u"role", u"hint")

        self.pageLayout.addWidget(self.emptyLabel)

        self.tilesWidget = QWidget(RegionPage)
        self.tilesWidget.setObjectName(u"tilesWidget")
        self.tilesLayout = QGridLayout(self.tilesWidget)
        self.tilesLayout.setObjectName(u"tilesLayout")
        self.tilesLayout.setContentsMargins(0, 0, 0, 0)

        self.pageLayout.addWidget(self.tilesWidget)

        self.tabs = QTabWidget(RegionPage)
        self.tabs.setObjectName(u"tabs")
        self.territoriesTab = QWidget()
        self.territoriesTab.setObjectName(u"territoriesTab")
        self.territoriesTabLayout = QVBoxLayout(self.territoriesTab)
        self.territoriesTabLayout.setObjectName(u"territoriesTabLayout")
        self.territoryView = QTableView(self.territoriesTab)
        self.territoryView.setObjectName(u"territoryView")

        self.territoriesTabLayout.addWidget(self.territoryView)

        self.territoryHint = QLabel(self.territoriesTab)
        self.territoryHint.setObjectName(u"territoryHint")
        self.territoryHint.setWordWrap(True)
        self.territoryHint.setProperty(u"role", u"hint")

        self.territoriesTabLayout.addWidget(self.territoryHint)

        self.territoriesTabLayout.setStretch(0, 1)
        self.tabs.addTab(self.territoriesTab, "")
        self.axesTab = QWidget()
        self.axesTab.setObjectName(u"axesTab")
        self.axesTabLayout = QVBoxLayout(self.axesTab)
        self.axesTabLayout.setObjectName(u"axesTabLayout")
        self.axisView = QTableView(self.axesTab)
        self.axisView.setObjectName(u"axisView")

        self.axesTabLayout.addWidget(self.axisView)

        self.axisHint = QLabel(self.axesTab)
        self.axisHint.setObjectName(u"axisHint")
        self.axisHint.setWordWrap(True)
        self.axisHint.setProperty(u"role", u"hint")

        self.axesTabLayout.addWidget(self.axisHint)

        self.axesTabLayout.setStretch(0, 1)
        self.tabs.addTab(self.axesTab, "")
        self.fundersTab = QWidget()
        self.fundersTab.setObjectName(u"fundersTab")
        self.fundersTabLayout = QVBoxLayout(self.fundersTab)
        self.fundersTabLayout.setObjectName(u"fundersTabLayout")
        self.funderView = QTableView(self.fundersTab)
        self.funderView.setObjectName(u"funderView")

        self.fundersTabLayout.addWidget(self.funderView)

        self.fundersTabLayout.setStretch(0, 1)
        self.tabs.addTab(self.fundersTab, "")
        self.evolutionsTab = QWidget()
        self.evolutionsTab.setObjectName(u"evolutionsTab")
        self.evolutionsTabLayout = QVBoxLayout(self.evolutionsTab)
        self.evolutionsTabLayout.setObjectName(u"evolutionsTabLayout")
        self.evolutionView = QTableView(self.evolutionsTab)
        self.evolutionView.setObjectName(u"evolutionView")

        self.evolutionsTabLayout.addWidget(self.evolutionView)

        self.evolutionHint = QLabel(self.evolutionsTab)
        self.evolutionHint.setObjectName(u"evolutionHint")
        self.evolutionHint.setWordWrap(True)
        self.evolutionHint.setProperty(u"role", u"hint")

        self.evolutionsTabLayout.addWidget(self.evolutionHint)

        self.evolutionsTabLayout.setStretch(0, 1)
        self.tabs.addTab(self.evolutionsTab, "")
        self.storedTab = QWidget()
        self.storedTab.setObjectName(u"storedTab")
        self.storedTabLayout = QVBoxLayout(self.storedTab)
        self.storedTabLayout.setObjectName(u"storedTabLayout")
        self.storedView = QTableView(self.storedTab)
        self.storedView.setObjectName(u"storedView")

        self.storedTabLayout.addWidget(self.storedView)

        self.storedButtons = QHBoxLayout()
        self.storedButtons.setObjectName(u"storedButtons")
        self.removeButton = QPushButton(self.storedTab)
        self.removeButton.setObjectName(u"removeButton")

        self.storedButtons.addWidget(self.removeButton)

        self.storedSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.storedButtons.addItem(self.storedSpacer)


        self.storedTabLayout.addLayout(self.storedButtons)

        self.storedTabLayout.setStretch(0, 1)
        self.tabs.addTab(self.storedTab, "")

        self.pageLayout.addWidget(self.tabs)

        self.pageLayout.setStretch(6, 1)

        self.retranslateUi(RegionPage)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(RegionPage)
    # setupUi

    def retranslateUi(self, RegionPage):
        self.headingLabel.setText(QCoreApplication.translate("RegionPage", u"Consolidation r\u00e9gionale des rapports d'avancement", None))
        self.addFilesButton.setText(QCoreApplication.translate("RegionPage", u"Ajouter des rapports\u2026", None))
        self.addFolderButton.setText(QCoreApplication.translate("RegionPage", u"Ajouter un dossier\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("RegionPage", u"Exporter la synth\u00e8se\u2026", None))
        self.cancelButton.setText(QCoreApplication.translate("RegionPage", u"Annuler", None))
        self.emptyLabel.setText(QCoreApplication.translate("RegionPage", u"Ajoutez les rapports PDF re\u00e7us des territoires (ou leurs fichiers JSON ou xlsx) avec \u00ab Ajouter des rapports\u2026 \u00bb ou \u00ab Ajouter un dossier\u2026 \u00bb : chaque rapport est v\u00e9rifi\u00e9, puis consolid\u00e9 ici, un territoire par ligne. Un rapport plus r\u00e9cent d'un territoire pour la m\u00eame p\u00e9riode remplace l'ancien.", None))
#if QT_CONFIG(accessibility)
        self.territoryView.setAccessibleName(QCoreApplication.translate("RegionPage", u"Territoires", None))
#endif // QT_CONFIG(accessibility)
        self.territoryHint.setText(QCoreApplication.translate("RegionPage", u"Double-cliquez sur un territoire pour voir ses actions, sur un nombre d'actions (En cours, R\u00e9alis\u00e9es, Bloqu\u00e9es) ou du total pour voir celles-l\u00e0.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.territoriesTab), QCoreApplication.translate("RegionPage", u"Territoires", None))
#if QT_CONFIG(accessibility)
        self.axisView.setAccessibleName(QCoreApplication.translate("RegionPage", u"Par axe", None))
#endif // QT_CONFIG(accessibility)
        self.axisHint.setText(QCoreApplication.translate("RegionPage", u"Double-cliquez sur un axe pour voir ses actions dans tous les territoires.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.axesTab), QCoreApplication.translate("RegionPage", u"Par axe", None))
#if QT_CONFIG(accessibility)
        self.funderView.setAccessibleName(QCoreApplication.translate("RegionPage", u"Par financeur", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.fundersTab), QCoreApplication.translate("RegionPage", u"Par financeur", None))
#if QT_CONFIG(accessibility)
        self.evolutionView.setAccessibleName(QCoreApplication.translate("RegionPage", u"\u00c9volutions", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.evolutionsTab), QCoreApplication.translate("RegionPage", u"\u00c9volutions", None))
#if QT_CONFIG(accessibility)
        self.storedView.setAccessibleName(QCoreApplication.translate("RegionPage", u"Rapports re\u00e7us", None))
#endif // QT_CONFIG(accessibility)
        self.removeButton.setText(QCoreApplication.translate("RegionPage", u"Retirer", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("RegionPage", u"Retirer de la consolidation le rapport s\u00e9lectionn\u00e9", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.storedTab), QCoreApplication.translate("RegionPage", u"Rapports re\u00e7us", None))
        pass
    # retranslateUi

