# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'decision_register.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_DecisionRegister(object):
    def setupUi(self, DecisionRegister):
        if not DecisionRegister.objectName():
            DecisionRegister.setObjectName(u"DecisionRegister")
        self.registerLayout = QVBoxLayout(DecisionRegister)
        self.registerLayout.setObjectName(u"registerLayout")
        self.filters = QHBoxLayout()
        self.filters.setObjectName(u"filters")
        self.stateCaption = QLabel(DecisionRegister)
        self.stateCaption.setObjectName(u"stateCaption")

        self.filters.addWidget(self.stateCaption)

        self.stateFilter = QComboBox(DecisionRegister)
        self.stateFilter.setObjectName(u"stateFilter")

        self.filters.addWidget(self.stateFilter)

        self.searchEdit = QLineEdit(DecisionRegister)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filters.addWidget(self.searchEdit)

        self.ownerFilter = QComboBox(DecisionRegister)
        self.ownerFilter.setObjectName(u"ownerFilter")

        self.filters.addWidget(self.ownerFilter)

        self.countLabel = QLabel(DecisionRegister)
        self.countLabel.setObjectName(u"countLabel")

        self.filters.addWidget(self.countLabel)

        self.filters.setStretch(2, 3)
        self.filters.setStretch(3, 1)

        self.registerLayout.addLayout(self.filters)

        self.decisionsView = QTableView(DecisionRegister)
        self.decisionsView.setObjectName(u"decisionsView")
        self.decisionsView.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.decisionsView.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.registerLayout.addWidget(self.decisionsView)

        self.messageLabel = QLabel(DecisionRegister)
        self.messageLabel.setObjectName(u"messageLabel")

        self.registerLayout.addWidget(self.messageLabel)

        self.buttonsRow = QHBoxLayout()
        self.buttonsRow.setObjectName(u"buttonsRow")
        self.doneButton = QPushButton(DecisionRegister)
        self.doneButton.setObjectName(u"doneButton")

        self.buttonsRow.addWidget(self.doneButton)

        self.abandonButton = QPushButton(DecisionRegister)
        self.abandonButton.setObjectName(u"abandonButton")

        self.buttonsRow.addWidget(self.abandonButton)

        self.todoButton = QPushButton(DecisionRegister)
        self.todoButton.setObjectName(u"todoButton")

        self.buttonsRow.addWidget(self.todoButton)

        self.openSpacer = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.buttonsRow.addItem(self.openSpacer)

        self.openButton = QPushButton(DecisionRegister)
        self.openButton.setObjectName(u"openButton")

        self.buttonsRow.addWidget(self.openButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsRow.addItem(self.buttonsSpacer)

        self.hintLabel = QLabel(DecisionRegister)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setProperty(u"role", u"hint")

        self.buttonsRow.addWidget(self.hintLabel)

        self.buttonsRow.setStretch(5, 1)

        self.registerLayout.addLayout(self.buttonsRow)

        self.registerLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.stateCaption.setBuddy(self.stateFilter)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DecisionRegister)

        QMetaObject.connectSlotsByName(DecisionRegister)
    # setupUi

    def retranslateUi(self, DecisionRegister):
        self.stateCaption.setText(QCoreApplication.translate("DecisionRegister", u"\u00c9tat :", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("DecisionRegister", u"Rechercher dans les d\u00e9cisions", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("DecisionRegister", u"Rechercher dans les d\u00e9cisions, les actions, les responsables\u2026", None))
#if QT_CONFIG(accessibility)
        self.ownerFilter.setAccessibleName(QCoreApplication.translate("DecisionRegister", u"Responsable", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.decisionsView.setAccessibleName(QCoreApplication.translate("DecisionRegister", u"Registre des d\u00e9cisions", None))
#endif // QT_CONFIG(accessibility)
        self.doneButton.setText(QCoreApplication.translate("DecisionRegister", u"Marquer fait", None))
        self.abandonButton.setText(QCoreApplication.translate("DecisionRegister", u"Abandonner", None))
        self.todoButton.setText(QCoreApplication.translate("DecisionRegister", u"Remettre \u00e0 faire", None))
        self.openButton.setText(QCoreApplication.translate("DecisionRegister", u"Ouvrir la fiche-action", None))
        self.hintLabel.setText(QCoreApplication.translate("DecisionRegister", u"Double-cliquez sur une d\u00e9cision pour ouvrir la fiche de son action.", None))
        pass
    # retranslateUi

