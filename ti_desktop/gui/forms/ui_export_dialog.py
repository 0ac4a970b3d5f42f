# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        self.dialogLayout = QVBoxLayout(ExportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formatsBox = QGroupBox(ExportDialog)
        self.formatsBox.setObjectName(u"formatsBox")
        self.formatsLayout = QVBoxLayout(self.formatsBox)
        self.formatsLayout.setObjectName(u"formatsLayout")
        self.format_xlsx = QRadioButton(self.formatsBox)
        self.format_xlsx.setObjectName(u"format_xlsx")

        self.formatsLayout.addWidget(self.format_xlsx)

        self.xlsxNoteLayout = QVBoxLayout()
        self.xlsxNoteLayout.setObjectName(u"xlsxNoteLayout")
        self.xlsxNoteLayout.setContentsMargins(24, -1, -1, 4)
        self.xlsxNote = QLabel(self.formatsBox)
        self.xlsxNote.setObjectName(u"xlsxNote")
        self.xlsxNote.setWordWrap(True)
        self.xlsxNote.setProperty(u"role", u"hint")

        self.xlsxNoteLayout.addWidget(self.xlsxNote)


        self.formatsLayout.addLayout(self.xlsxNoteLayout)

        self.format_csv = QRadioButton(self.formatsBox)
        self.format_csv.setObjectName(u"format_csv")

        self.formatsLayout.addWidget(self.format_csv)

        self.csvNoteLayout = QVBoxLayout()
        self.csvNoteLayout.setObjectName(u"csvNoteLayout")
        self.csvNoteLayout.setContentsMargins(24, -1, -1, 4)
        self.csvNote = QLabel(self.formatsBox)
        self.csvNote.setObjectName(u"csvNote")
        self.csvNote.setWordWrap(True)
        self.csvNote.setProperty(u"role", u"hint")

        self.csvNoteLayout.addWidget(self.csvNote)


        self.formatsLayout.addLayout(self.csvNoteLayout)

        self.format_tet = QRadioButton(self.formatsBox)
        self.format_tet.setObjectName(u"format_tet")

        self.formatsLayout.addWidget(self.format_tet)

        self.tetNoteLayout = QVBoxLayout()
        self.tetNoteLayout.setObjectName(u"tetNoteLayout")
        self.tetNoteLayout.setContentsMargins(24, -1, -1, 4)
        self.tetNote = QLabel(self.formatsBox)
        self.tetNote.setObjectName(u"tetNote")
        self.tetNote.setWordWrap(True)
        self.tetNote.setProperty(u"role", u"hint")

        self.tetNoteLayout.addWidget(self.tetNote)

        self.tetLayoutRow = QHBoxLayout()
        self.tetLayoutRow.setObjectName(u"tetLayoutRow")
        self.tetLayoutLabel = QLabel(self.formatsBox)
        self.tetLayoutLabel.setObjectName(u"tetLayoutLabel")

        self.tetLayoutRow.addWidget(self.tetLayoutLabel)

        self.tetLayoutBox = QComboBox(self.formatsBox)
        self.tetLayoutBox.setObjectName(u"tetLayoutBox")

        self.tetLayoutRow.addWidget(self.tetLayoutBox)

        self.tetLayoutRow.setStretch(1, 1)

        self.tetNoteLayout.addLayout(self.tetLayoutRow)


        self.formatsLayout.addLayout(self.tetNoteLayout)


        self.dialogLayout.addWidget(self.formatsBox)

        self.confidentialBox = QCheckBox(ExportDialog)
        self.confidentialBox.setObjectName(u"confidentialBox")

        self.dialogLayout.addWidget(self.confidentialBox)

        self.confidentialNote = QLabel(ExportDialog)
        self.confidentialNote.setObjectName(u"confidentialNote")
        self.confidentialNote.setWordWrap(True)
        self.confidentialNote.setProperty(u"role", u"hint")

        self.dialogLayout.addWidget(self.confidentialNote)

        self.fileSpacer = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.dialogLayout.addItem(self.fileSpacer)

        self.fileLabel = QLabel(ExportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.dialogLayout.addWidget(self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.pathEdit = QLineEdit(ExportDialog)
        self.pathEdit.setObjectName(u"pathEdit")
        self.pathEdit.setMinimumSize(QSize(420, 0))

        self.fileRow.addWidget(self.pathEdit)

        self.browseButton = QPushButton(ExportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileRow.addWidget(self.browseButton)

        self.fileRow.setStretch(0, 1)

        self.dialogLayout.addLayout(self.fileRow)

        self.erreur_export = QLabel(ExportDialog)
        self.erreur_export.setObjectName(u"erreur_export")

        self.dialogLayout.addWidget(self.erreur_export)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.buttonsSpacer)

        self.buttonBox = QDialogButtonBox(ExportDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.tetLayoutLabel.setBuddy(self.tetLayoutBox)
        self.fileLabel.setBuddy(self.pathEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.format_xlsx, self.format_csv)
        QWidget.setTabOrder(self.format_csv, self.format_tet)
        QWidget.setTabOrder(self.format_tet, self.tetLayoutBox)
        QWidget.setTabOrder(self.tetLayoutBox, self.confidentialBox)
        QWidget.setTabOrder(self.confidentialBox, self.pathEdit)
        QWidget.setTabOrder(self.pathEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.buttonBox)

        self.retranslateUi(ExportDialog)

        QMetaObject.connectSlotsByName(ExportDialog)
    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"Exporter le plan", None))
        self.formatsBox.setTitle(QCoreApplication.translate("ExportDialog", u"Format", None))
        self.format_xlsx.setText(QCoreApplication.translate("ExportDialog", u"Excel (.xlsx) \u2014 5 feuilles", None))
        self.xlsxNote.setText(QCoreApplication.translate("ExportDialog", u"Actions, Financements, Jalons, Indicateurs et Suivi, avec filtres, dates et montants.", None))
        self.format_csv.setText(QCoreApplication.translate("ExportDialog", u"CSV pour Excel (.csv)", None))
        self.csvNote.setText(QCoreApplication.translate("ExportDialog", u"Une ligne par action, s\u00e9parateur \u00ab ; \u00bb, accents lisibles dans Excel.", None))
        self.format_tet.setText(QCoreApplication.translate("ExportDialog", u"Classeur Territoires en Transitions (.xlsx)", None))
        self.tetNote.setText(QCoreApplication.translate("ExportDialog", u"Les colonnes du mod\u00e8le d'import de Territoires en Transitions, dans leur ordre : tous les financeurs, les jalons (colonne \u00ab Notes \u00bb) et vos champs personnalis\u00e9s.", None))
        self.tetLayoutLabel.setText(QCoreApplication.translate("ExportDialog", u"&Mod\u00e8le :", None))
        self.confidentialBox.setText(QCoreApplication.translate("ExportDialog", u"Inclure les actions &confidentielles", None))
        self.fileLabel.setText(QCoreApplication.translate("ExportDialog", u"Fichier :", None))
        self.browseButton.setText(QCoreApplication.translate("ExportDialog", u"&Choisir\u2026", None))
    # retranslateUi

