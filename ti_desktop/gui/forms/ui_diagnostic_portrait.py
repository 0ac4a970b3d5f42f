# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'diagnostic_portrait.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListView,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTextEdit, QVBoxLayout, QWidget)

class Ui_PortraitTab(object):
    def setupUi(self, PortraitTab):
        if not PortraitTab.objectName():
            PortraitTab.setObjectName(u"PortraitTab")
        self.pageLayout = QVBoxLayout(PortraitTab)
        self.pageLayout.setObjectName(u"pageLayout")
        self.splitter = QSplitter(PortraitTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.listBox = QWidget(self.splitter)
        self.listBox.setObjectName(u"listBox")
        self.listLayout = QVBoxLayout(self.listBox)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.listLabel = QLabel(self.listBox)
        self.listLabel.setObjectName(u"listLabel")

        self.listLayout.addWidget(self.listLabel)

        self.sectionList = QListView(self.listBox)
        self.sectionList.setObjectName(u"sectionList")
        self.sectionList.setMinimumSize(QSize(260, 0))
        self.sectionList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sectionList.setIconSize(QSize(14, 14))
        self.sectionList.setSpacing(2)
        self.sectionList.setWordWrap(True)

        self.listLayout.addWidget(self.sectionList)

        self.listButtons = QHBoxLayout()
        self.listButtons.setObjectName(u"listButtons")
        self.newButton = QPushButton(self.listBox)
        self.newButton.setObjectName(u"newButton")

        self.listButtons.addWidget(self.newButton)

        self.deleteButton = QPushButton(self.listBox)
        self.deleteButton.setObjectName(u"deleteButton")

        self.listButtons.addWidget(self.deleteButton)

        self.listButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.listButtons.addItem(self.listButtonsSpacer)

        self.listButtons.setStretch(2, 1)

        self.listLayout.addLayout(self.listButtons)

        self.listLayout.setStretch(1, 1)
        self.splitter.addWidget(self.listBox)
        self.editorBox = QWidget(self.splitter)
        self.editorBox.setObjectName(u"editorBox")
        self.editorLayout = QVBoxLayout(self.editorBox)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(8, 0, 0, 0)
        self.headingLabel = QLabel(self.editorBox)
        self.headingLabel.setObjectName(u"headingLabel")

        self.editorLayout.addWidget(self.headingLabel)

        self.emptyLabel = QLabel(self.editorBox)
        self.emptyLabel.setObjectName(u"emptyLabel")

        self.editorLayout.addWidget(self.emptyLabel, 0, Qt.AlignmentFlag.AlignTop)

        self.formBox = QWidget(self.editorBox)
        self.formBox.setObjectName(u"formBox")
        self.sectionForm = QFormLayout(self.formBox)
        self.sectionForm.setObjectName(u"sectionForm")
        self.sectionForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.sectionForm.setContentsMargins(0, 0, 0, 0)
        self.axisLabel = QLabel(self.formBox)
        self.axisLabel.setObjectName(u"axisLabel")

        self.sectionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.axisLabel)

        self.axisCell = QVBoxLayout()
        self.axisCell.setSpacing(2)
        self.axisCell.setObjectName(u"axisCell")
        self.axisCombo = QComboBox(self.formBox)
        self.axisCombo.setObjectName(u"axisCombo")

        self.axisCell.addWidget(self.axisCombo)

        self.axisError = QLabel(self.formBox)
        self.axisError.setObjectName(u"axisError")
        self.axisError.setWordWrap(True)
        self.axisError.setTextFormat(Qt.TextFormat.PlainText)

        self.axisCell.addWidget(self.axisError)


        self.sectionForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.axisCell)

        self.titleLabel = QLabel(self.formBox)
        self.titleLabel.setObjectName(u"titleLabel")

        self.sectionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleCell = QVBoxLayout()
        self.titleCell.setSpacing(2)
        self.titleCell.setObjectName(u"titleCell")
        self.titleEdit = QLineEdit(self.formBox)
        self.titleEdit.setObjectName(u"titleEdit")

        self.titleCell.addWidget(self.titleEdit)

        self.titleError = QLabel(self.formBox)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)
        self.titleError.setTextFormat(Qt.TextFormat.PlainText)

        self.titleCell.addWidget(self.titleError)


        self.sectionForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.titleCell)

        self.textLabel = QLabel(self.formBox)
        self.textLabel.setObjectName(u"textLabel")

        self.sectionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.textLabel)

        self.textCell = QVBoxLayout()
        self.textCell.setSpacing(2)
        self.textCell.setObjectName(u"textCell")
        self.textEdit = QTextEdit(self.formBox)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setAcceptRichText(False)

        self.textCell.addWidget(self.textEdit)

        self.textError = QLabel(self.formBox)
        self.textError.setObjectName(u"textError")
        self.textError.setWordWrap(True)
        self.textError.setTextFormat(Qt.TextFormat.PlainText)

        self.textCell.addWidget(self.textError)

        self.textCell.setStretch(0, 1)

        self.sectionForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.textCell)

        self.sourcesLabel = QLabel(self.formBox)
        self.sourcesLabel.setObjectName(u"sourcesLabel")

        self.sectionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sourcesLabel)

        self.sourcesCell = QVBoxLayout()
        self.sourcesCell.setSpacing(2)
        self.sourcesCell.setObjectName(u"sourcesCell")
        self.sourcesEdit = QTextEdit(self.formBox)
        self.sourcesEdit.setObjectName(u"sourcesEdit")
        self.sourcesEdit.setMinimumSize(QSize(0, 78))
        self.sourcesEdit.setMaximumSize(QSize(16777215, 78))
        self.sourcesEdit.setAcceptRichText(False)

        self.sourcesCell.addWidget(self.sourcesEdit)

        self.sourcesError = QLabel(self.formBox)
        self.sourcesError.setObjectName(u"sourcesError")
        self.sourcesError.setWordWrap(True)
        self.sourcesError.setTextFormat(Qt.TextFormat.PlainText)

        self.sourcesCell.addWidget(self.sourcesError)


        self.sectionForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.sourcesCell)


        self.editorLayout.addWidget(self.formBox)

        self.generalError = QLabel(self.editorBox)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)
        self.generalError.setTextFormat(Qt.TextFormat.PlainText)

        self.editorLayout.addWidget(self.generalError)

        self.hintLabel = QLabel(self.editorBox)
        self.hintLabel.setObjectName(u"hintLabel")

        self.editorLayout.addWidget(self.hintLabel)

        self.editorLayout.setStretch(1, 1)
        self.editorLayout.setStretch(2, 1)
        self.splitter.addWidget(self.editorBox)

        self.pageLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.listLabel.setBuddy(self.sectionList)
        self.axisLabel.setBuddy(self.axisCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.textLabel.setBuddy(self.textEdit)
        self.sourcesLabel.setBuddy(self.sourcesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sectionList, self.newButton)
        QWidget.setTabOrder(self.newButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.axisCombo)
        QWidget.setTabOrder(self.axisCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.textEdit)
        QWidget.setTabOrder(self.textEdit, self.sourcesEdit)

        self.retranslateUi(PortraitTab)

        QMetaObject.connectSlotsByName(PortraitTab)
    # setupUi

    def retranslateUi(self, PortraitTab):
        self.listLabel.setText(QCoreApplication.translate("PortraitTab", u"Sections du diagnostic", None))
        self.newButton.setText(QCoreApplication.translate("PortraitTab", u"Nouvelle section", None))
        self.deleteButton.setText(QCoreApplication.translate("PortraitTab", u"Supprimer", None))
        self.emptyLabel.setText(QCoreApplication.translate("PortraitTab", u"Aucune section. Cr\u00e9ez-en une avec \u00ab Nouvelle section \u00bb.", None))
        self.axisLabel.setText(QCoreApplication.translate("PortraitTab", u"Rattachement", None))
        self.titleLabel.setText(QCoreApplication.translate("PortraitTab", u"Titre", None))
        self.textLabel.setText(QCoreApplication.translate("PortraitTab", u"Texte", None))
        self.textEdit.setPlaceholderText(QCoreApplication.translate("PortraitTab", u"Constats, chiffres cl\u00e9s, analyse\u2026 (une ligne vide s\u00e9pare les paragraphes)", None))
        self.sourcesLabel.setText(QCoreApplication.translate("PortraitTab", u"Sources", None))
        self.sourcesEdit.setPlaceholderText(QCoreApplication.translate("PortraitTab", u"\u00c9tudes, bases de donn\u00e9es, dates des chiffres cit\u00e9s", None))
        self.hintLabel.setText(QCoreApplication.translate("PortraitTab", u"Les modifications sont enregistr\u00e9es automatiquement ; Ctrl+Z les annule.", None))
        pass
    # retranslateUi

