# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_mapping_page.ui'
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

class Ui_MappingPage(object):
    def setupUi(self, MappingPage):
        if not MappingPage.objectName():
            MappingPage.setObjectName(u"MappingPage")
        self.pageLayout = QVBoxLayout(MappingPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.mappingTable = QTableWidget(MappingPage)
        if (self.mappingTable.columnCount() < 4):
            self.mappingTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.mappingTable.setObjectName(u"mappingTable")
        self.mappingTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mappingTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mappingTable.setWordWrap(False)
        self.mappingTable.verticalHeader().setVisible(False)

        self.pageLayout.addWidget(self.mappingTable)

        self.avertissement_correspondance = QLabel(MappingPage)
        self.avertissement_correspondance.setObjectName(u"avertissement_correspondance")
        self.avertissement_correspondance.setWordWrap(True)
        self.avertissement_correspondance.setProperty(u"role", u"warning")

        self.pageLayout.addWidget(self.avertissement_correspondance)

        self.unmappedLabel = QLabel(MappingPage)
        self.unmappedLabel.setObjectName(u"unmappedLabel")
        self.unmappedLabel.setWordWrap(True)
        self.unmappedLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.unmappedLabel)

        self.rememberedHint = QLabel(MappingPage)
        self.rememberedHint.setObjectName(u"rememberedHint")
        self.rememberedHint.setWordWrap(True)
        self.rememberedHint.setProperty(u"role", u"hint")

        self.pageLayout.addWidget(self.rememberedHint)

        self.pageLayout.setStretch(0, 1)

        self.retranslateUi(MappingPage)

        QMetaObject.connectSlotsByName(MappingPage)
    # setupUi

    def retranslateUi(self, MappingPage):
        MappingPage.setTitle(QCoreApplication.translate("MappingPage", u"Correspondance des colonnes", None))
        ___qtablewidgetitem = self.mappingTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("MappingPage", u"Col.", None))
        ___qtablewidgetitem1 = self.mappingTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("MappingPage", u"En-t\u00eate du fichier", None))
        ___qtablewidgetitem2 = self.mappingTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("MappingPage", u"Exemples", None))
        ___qtablewidgetitem3 = self.mappingTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("MappingPage", u"Champ de TI Desktop", None))
#if QT_CONFIG(accessibility)
        self.mappingTable.setAccessibleName(QCoreApplication.translate("MappingPage", u"Correspondance des colonnes", None))
#endif // QT_CONFIG(accessibility)
        self.rememberedHint.setText(QCoreApplication.translate("MappingPage", u"Vos choix sont retenus : le prochain fichier aux m\u00eames en-t\u00eates sera reconnu directement.", None))
    # retranslateUi

