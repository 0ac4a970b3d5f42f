# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(680, 620)
        self.dialogLayout = QVBoxLayout(AboutDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.logoLabel = QLabel(AboutDialog)
        self.logoLabel.setObjectName(u"logoLabel")
        self.logoLabel.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.topRow.addWidget(self.logoLabel)

        self.headingLayout = QVBoxLayout()
        self.headingLayout.setObjectName(u"headingLayout")
        self.titleLabel = QLabel(AboutDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headingLayout.addWidget(self.titleLabel)

        self.versionLabel = QLabel(AboutDialog)
        self.versionLabel.setObjectName(u"versionLabel")
        self.versionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headingLayout.addWidget(self.versionLabel)

        self.descriptionLabel = QLabel(AboutDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setWordWrap(True)

        self.headingLayout.addWidget(self.descriptionLabel)

        self.licenceLabel = QLabel(AboutDialog)
        self.licenceLabel.setObjectName(u"licenceLabel")
        self.licenceLabel.setWordWrap(True)

        self.headingLayout.addWidget(self.licenceLabel)


        self.topRow.addLayout(self.headingLayout)

        self.topRow.setStretch(1, 1)

        self.dialogLayout.addLayout(self.topRow)

        self.databaseLabel = QLabel(AboutDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setWordWrap(True)
        self.databaseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.databaseLabel)

        self.componentsLabel = QLabel(AboutDialog)
        self.componentsLabel.setObjectName(u"componentsLabel")

        self.dialogLayout.addWidget(self.componentsLabel)

        self.componentTable = QTableWidget(AboutDialog)
        if (self.componentTable.columnCount() < 3):
            self.componentTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.componentTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.componentTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.componentTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.componentTable.setObjectName(u"componentTable")
        self.componentTable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.componentTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.componentTable.setAlternatingRowColors(True)
        self.componentTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.componentTable.setWordWrap(True)
        self.componentTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.componentTable)

        self.notesLabel = QLabel(AboutDialog)
        self.notesLabel.setObjectName(u"notesLabel")
        self.notesLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.notesLabel)

        self.buttonBox = QDialogButtonBox(AboutDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(3, 1)

        self.retranslateUi(AboutDialog)

        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"\u00c0 propos de TI Desktop", None))
        self.descriptionLabel.setText(QCoreApplication.translate("AboutDialog", u"L'outil du chef de projet Territoires d'industrie : diagnostic, plan d'action, comit\u00e9s de pilotage et rapports d'avancement.", None))
        self.componentsLabel.setText(QCoreApplication.translate("AboutDialog", u"<b>Composants embarqu\u00e9s</b>", None))
        ___qtablewidgetitem = self.componentTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("AboutDialog", u"Composant", None))
        ___qtablewidgetitem1 = self.componentTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("AboutDialog", u"Version", None))
        ___qtablewidgetitem2 = self.componentTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("AboutDialog", u"Licence", None))
        self.notesLabel.setText(QCoreApplication.translate("AboutDialog", u"Qt et PySide6 sont utilis\u00e9s sous licence LGPL v3 : ils sont livr\u00e9s comme biblioth\u00e8ques s\u00e9par\u00e9es, rempla\u00e7ables par l'utilisateur ; le module Qt Charts l'est sous GPL v3, compatible avec la licence de TI Desktop. Les polices DejaVu sont livr\u00e9es avec leur licence (fichier LICENSE du dossier des polices). L'import et l'export au format des classeurs Territoires en Transitions (plateforme libre de l'ADEME) ne reprennent que la disposition des colonnes : aucun code de cette plateforme n'est embarqu\u00e9.", None))
    # retranslateUi

