# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_sheet_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLabel,
    QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget, QWizardPage)

class Ui_SheetPage(object):
    def setupUi(self, SheetPage):
        if not SheetPage.objectName():
            SheetPage.setObjectName(u"SheetPage")
        self.pageLayout = QVBoxLayout(SheetPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.sheetTable = QTableWidget(SheetPage)
        if (self.sheetTable.columnCount() < 5):
            self.sheetTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.sheetTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.sheetTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.sheetTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.sheetTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.sheetTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.sheetTable.setObjectName(u"sheetTable")
        self.sheetTable.setTabKeyNavigation(False)
        self.sheetTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sheetTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sheetTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sheetTable.verticalHeader().setVisible(False)

        self.pageLayout.addWidget(self.sheetTable)

        self.warningLabel = QLabel(SheetPage)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)
        self.warningLabel.setProperty(u"role", u"warning")

        self.pageLayout.addWidget(self.warningLabel)

        self.pageLayout.setStretch(0, 1)

        self.retranslateUi(SheetPage)

        QMetaObject.connectSlotsByName(SheetPage)
    # setupUi

    def retranslateUi(self, SheetPage):
        SheetPage.setTitle(QCoreApplication.translate("SheetPage", u"Feuille \u00e0 importer", None))
        SheetPage.setSubTitle(QCoreApplication.translate("SheetPage", u"Le classeur a plusieurs feuilles : choisissez celle qui contient les actions.", None))
        ___qtablewidgetitem = self.sheetTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SheetPage", u"Feuille", None))
        ___qtablewidgetitem1 = self.sheetTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SheetPage", u"Contenu", None))
        ___qtablewidgetitem2 = self.sheetTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SheetPage", u"Ligne d'en-t\u00eate", None))
        ___qtablewidgetitem3 = self.sheetTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("SheetPage", u"Colonnes", None))
        ___qtablewidgetitem4 = self.sheetTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("SheetPage", u"Lignes de donn\u00e9es", None))
#if QT_CONFIG(accessibility)
        self.sheetTable.setAccessibleName(QCoreApplication.translate("SheetPage", u"Feuilles du classeur", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

