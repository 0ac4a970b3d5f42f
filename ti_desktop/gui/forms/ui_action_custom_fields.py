# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_custom_fields.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QHBoxLayout,
    QLabel, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ActionCustomFields(object):
    def setupUi(self, ActionCustomFields):
        if not ActionCustomFields.objectName():
            ActionCustomFields.setObjectName(u"ActionCustomFields")
        self.customLayout = QVBoxLayout(ActionCustomFields)
        self.customLayout.setObjectName(u"customLayout")
        self.hintLabel = QLabel(ActionCustomFields)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty(u"role", u"hint")

        self.customLayout.addWidget(self.hintLabel)

        self.fieldsScroll = QScrollArea(ActionCustomFields)
        self.fieldsScroll.setObjectName(u"fieldsScroll")
        self.fieldsScroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fieldsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.fieldsScroll.setWidgetResizable(True)
        self.fieldsContents = QWidget()
        self.fieldsContents.setObjectName(u"fieldsContents")
        self.contentsLayout = QVBoxLayout(self.fieldsContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.emptyLabel = QLabel(self.fieldsContents)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setProperty(u"role", u"hint")

        self.contentsLayout.addWidget(self.emptyLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.contentsLayout.addLayout(self.fieldsForm)

        self.contentsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentsLayout.addItem(self.contentsSpacer)

        self.contentsLayout.setStretch(2, 1)
        self.fieldsScroll.setWidget(self.fieldsContents)

        self.customLayout.addWidget(self.fieldsScroll)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.manageButton = QPushButton(ActionCustomFields)
        self.manageButton.setObjectName(u"manageButton")

        self.buttonsLayout.addWidget(self.manageButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)


        self.customLayout.addLayout(self.buttonsLayout)

        self.customLayout.setStretch(1, 1)

        self.retranslateUi(ActionCustomFields)

        QMetaObject.connectSlotsByName(ActionCustomFields)
    # setupUi

    def retranslateUi(self, ActionCustomFields):
        self.hintLabel.setText(QCoreApplication.translate("ActionCustomFields", u"Les champs propres \u00e0 votre territoire (gard\u00e9s d'un import ou cr\u00e9\u00e9s par vous). Chaque modification est enregistr\u00e9e aussit\u00f4t et s'annule avec Ctrl+Z.", None))
        self.emptyLabel.setText(QCoreApplication.translate("ActionCustomFields", u"Ce territoire n'a pas encore de champ personnalis\u00e9 : \u00ab G\u00e9rer les champs\u2026 \u00bb en cr\u00e9e.", None))
        self.manageButton.setText(QCoreApplication.translate("ActionCustomFields", u"G\u00e9rer les champs\u2026", None))
        pass
    # retranslateUi

