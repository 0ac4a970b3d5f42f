# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTreeView,
    QVBoxLayout, QWidget)

class Ui_PlanPage(object):
    def setupUi(self, PlanPage):
        if not PlanPage.objectName():
            PlanPage.setObjectName(u"PlanPage")
        self.pageLayout = QVBoxLayout(PlanPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.filterRows = QVBoxLayout()
        self.filterRows.setObjectName(u"filterRows")
        self.firstFilterRow = QHBoxLayout()
        self.firstFilterRow.setObjectName(u"firstFilterRow")
        self.searchEdit = QLineEdit(PlanPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.firstFilterRow.addWidget(self.searchEdit)

        self.axisCombo = QComboBox(PlanPage)
        self.axisCombo.setObjectName(u"axisCombo")

        self.firstFilterRow.addWidget(self.axisCombo)

        self.statusCombo = QComboBox(PlanPage)
        self.statusCombo.setObjectName(u"statusCombo")

        self.firstFilterRow.addWidget(self.statusCombo)

        self.leadCombo = QComboBox(PlanPage)
        self.leadCombo.setObjectName(u"leadCombo")

        self.firstFilterRow.addWidget(self.leadCombo)

        self.firstFilterRow.setStretch(0, 3)
        self.firstFilterRow.setStretch(1, 1)
        self.firstFilterRow.setStretch(2, 1)
        self.firstFilterRow.setStretch(3, 1)

        self.filterRows.addLayout(self.firstFilterRow)

        self.secondFilterRow = QHBoxLayout()
        self.secondFilterRow.setObjectName(u"secondFilterRow")
        self.lateCheck = QCheckBox(PlanPage)
        self.lateCheck.setObjectName(u"lateCheck")

        self.secondFilterRow.addWidget(self.lateCheck)

        self.toDiscussCheck = QCheckBox(PlanPage)
        self.toDiscussCheck.setObjectName(u"toDiscussCheck")

        self.secondFilterRow.addWidget(self.toDiscussCheck)

        self.confidentialCombo = QComboBox(PlanPage)
        self.confidentialCombo.setObjectName(u"confidentialCombo")

        self.secondFilterRow.addWidget(self.confidentialCombo)

        self.qualityCombo = QComboBox(PlanPage)
        self.qualityCombo.setObjectName(u"qualityCombo")

        self.secondFilterRow.addWidget(self.qualityCombo)

        self.filledCombo = QComboBox(PlanPage)
        self.filledCombo.setObjectName(u"filledCombo")

        self.secondFilterRow.addWidget(self.filledCombo)

        self.clearFiltersButton = QPushButton(PlanPage)
        self.clearFiltersButton.setObjectName(u"clearFiltersButton")

        self.secondFilterRow.addWidget(self.clearFiltersButton)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.secondFilterRow.addItem(self.filterSpacer)

        self.countLabel = QLabel(PlanPage)
        self.countLabel.setObjectName(u"countLabel")

        self.secondFilterRow.addWidget(self.countLabel)

        self.secondFilterRow.setStretch(6, 1)

        self.filterRows.addLayout(self.secondFilterRow)


        self.pageLayout.addLayout(self.filterRows)

        self.planView = QTreeView(PlanPage)
        self.planView.setObjectName(u"planView")
        self.planView.setEditTriggers(QAbstractItemView.EditTrigger.SelectedClicked)
        self.planView.setAlternatingRowColors(True)
        self.planView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.planView.setUniformRowHeights(True)

        self.pageLayout.addWidget(self.planView)

        self.messageLabel = QLabel(PlanPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.messageLabel)

        self.pageLayout.setStretch(1, 1)
        QWidget.setTabOrder(self.searchEdit, self.axisCombo)
        QWidget.setTabOrder(self.axisCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.leadCombo)
        QWidget.setTabOrder(self.leadCombo, self.lateCheck)
        QWidget.setTabOrder(self.lateCheck, self.toDiscussCheck)
        QWidget.setTabOrder(self.toDiscussCheck, self.confidentialCombo)
        QWidget.setTabOrder(self.confidentialCombo, self.qualityCombo)
        QWidget.setTabOrder(self.qualityCombo, self.filledCombo)
        QWidget.setTabOrder(self.filledCombo, self.clearFiltersButton)
        QWidget.setTabOrder(self.clearFiltersButton, self.planView)

        self.retranslateUi(PlanPage)

        QMetaObject.connectSlotsByName(PlanPage)
    # setupUi

    def retranslateUi(self, PlanPage):
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleDescription(QCoreApplication.translate("PlanPage", u"Un code, un titre, une description (Ctrl+F)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("PlanPage", u"Rechercher une action", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("PlanPage", u"Rechercher un code, un titre, une description (Ctrl+F)", None))
#if QT_CONFIG(accessibility)
        self.axisCombo.setAccessibleName(QCoreApplication.translate("PlanPage", u"Axe", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("PlanPage", u"Statut", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.leadCombo.setAccessibleName(QCoreApplication.translate("PlanPage", u"Porteur", None))
#endif // QT_CONFIG(accessibility)
        self.lateCheck.setText(QCoreApplication.translate("PlanPage", u"En retard", None))
        self.toDiscussCheck.setText(QCoreApplication.translate("PlanPage", u"\u00c0 discuter", None))
#if QT_CONFIG(accessibility)
        self.confidentialCombo.setAccessibleName(QCoreApplication.translate("PlanPage", u"Confidentialit\u00e9", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.qualityCombo.setAccessibleName(QCoreApplication.translate("PlanPage", u"Qualit\u00e9 des donn\u00e9es", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.filledCombo.setAccessibleName(QCoreApplication.translate("PlanPage", u"Retomb\u00e9es", None))
#endif // QT_CONFIG(accessibility)
        self.clearFiltersButton.setText(QCoreApplication.translate("PlanPage", u"Effacer les filtres", None))
#if QT_CONFIG(accessibility)
        self.planView.setAccessibleName(QCoreApplication.translate("PlanPage", u"Plan d'action", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

