# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_options.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ReportOptionsPanel(object):
    def setupUi(self, ReportOptionsPanel):
        if not ReportOptionsPanel.objectName():
            ReportOptionsPanel.setObjectName(u"ReportOptionsPanel")
        self.optionsForm = QFormLayout(ReportOptionsPanel)
        self.optionsForm.setObjectName(u"optionsForm")
        self.periodFromLabel = QLabel(ReportOptionsPanel)
        self.periodFromLabel.setObjectName(u"periodFromLabel")

        self.optionsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.periodFromLabel)

        self.periodFromField = QWidget(ReportOptionsPanel)
        self.periodFromField.setObjectName(u"periodFromField")
        self.periodFromLayout = QVBoxLayout(self.periodFromField)
        self.periodFromLayout.setSpacing(2)
        self.periodFromLayout.setObjectName(u"periodFromLayout")
        self.periodFromLayout.setContentsMargins(0, 0, 0, 0)
        self.period_from = QLineEdit(self.periodFromField)
        self.period_from.setObjectName(u"period_from")

        self.periodFromLayout.addWidget(self.period_from)

        self.erreur_period_from = QLabel(self.periodFromField)
        self.erreur_period_from.setObjectName(u"erreur_period_from")

        self.periodFromLayout.addWidget(self.erreur_period_from)


        self.optionsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.periodFromField)

        self.periodToLabel = QLabel(ReportOptionsPanel)
        self.periodToLabel.setObjectName(u"periodToLabel")

        self.optionsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.periodToLabel)

        self.periodToField = QWidget(ReportOptionsPanel)
        self.periodToField.setObjectName(u"periodToField")
        self.periodToLayout = QVBoxLayout(self.periodToField)
        self.periodToLayout.setSpacing(2)
        self.periodToLayout.setObjectName(u"periodToLayout")
        self.periodToLayout.setContentsMargins(0, 0, 0, 0)
        self.period_to = QLineEdit(self.periodToField)
        self.period_to.setObjectName(u"period_to")

        self.periodToLayout.addWidget(self.period_to)

        self.erreur_period_to = QLabel(self.periodToField)
        self.erreur_period_to.setObjectName(u"erreur_period_to")

        self.periodToLayout.addWidget(self.erreur_period_to)


        self.optionsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.periodToField)

        self.sectionsLabel = QLabel(ReportOptionsPanel)
        self.sectionsLabel.setObjectName(u"sectionsLabel")

        self.optionsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sectionsLabel)

        self.sectionsField = QWidget(ReportOptionsPanel)
        self.sectionsField.setObjectName(u"sectionsField")
        self.sectionsFieldLayout = QVBoxLayout(self.sectionsField)
        self.sectionsFieldLayout.setSpacing(2)
        self.sectionsFieldLayout.setObjectName(u"sectionsFieldLayout")
        self.sectionsFieldLayout.setContentsMargins(0, 0, 0, 0)
        self.sectionsBox = QWidget(self.sectionsField)
        self.sectionsBox.setObjectName(u"sectionsBox")
        self.sectionsLayout = QVBoxLayout(self.sectionsBox)
        self.sectionsLayout.setObjectName(u"sectionsLayout")
        self.sectionsLayout.setContentsMargins(0, 0, 0, 0)

        self.sectionsFieldLayout.addWidget(self.sectionsBox)

        self.erreur_sections = QLabel(self.sectionsField)
        self.erreur_sections.setObjectName(u"erreur_sections")

        self.sectionsFieldLayout.addWidget(self.erreur_sections)


        self.optionsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sectionsField)

        self.annexBox = QCheckBox(ReportOptionsPanel)
        self.annexBox.setObjectName(u"annexBox")

        self.optionsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.annexBox)

        self.logoCaption = QLabel(ReportOptionsPanel)
        self.logoCaption.setObjectName(u"logoCaption")

        self.optionsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.logoCaption)

        self.logoRow = QHBoxLayout()
        self.logoRow.setObjectName(u"logoRow")
        self.logoLabel = QLabel(ReportOptionsPanel)
        self.logoLabel.setObjectName(u"logoLabel")
        self.logoLabel.setWordWrap(True)

        self.logoRow.addWidget(self.logoLabel)

        self.chooseLogoButton = QPushButton(ReportOptionsPanel)
        self.chooseLogoButton.setObjectName(u"chooseLogoButton")

        self.logoRow.addWidget(self.chooseLogoButton)

        self.removeLogoButton = QPushButton(ReportOptionsPanel)
        self.removeLogoButton.setObjectName(u"removeLogoButton")

        self.logoRow.addWidget(self.removeLogoButton)

        self.logoRow.setStretch(0, 1)

        self.optionsForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.logoRow)

#if QT_CONFIG(shortcut)
        self.periodFromLabel.setBuddy(self.period_from)
        self.periodToLabel.setBuddy(self.period_to)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportOptionsPanel)

        QMetaObject.connectSlotsByName(ReportOptionsPanel)
    # setupUi

    def retranslateUi(self, ReportOptionsPanel):
        ReportOptionsPanel.setTitle(QCoreApplication.translate("ReportOptionsPanel", u"Options du rapport", None))
        self.periodFromLabel.setText(QCoreApplication.translate("ReportOptionsPanel", u"P\u00e9riode du", None))
#if QT_CONFIG(accessibility)
        self.period_from.setAccessibleDescription(QCoreApplication.translate("ReportOptionsPanel", u"Premier jour de la p\u00e9riode du rapport, jj/mm/aaaa", None))
#endif // QT_CONFIG(accessibility)
        self.period_from.setPlaceholderText(QCoreApplication.translate("ReportOptionsPanel", u"jj/mm/aaaa", None))
        self.periodToLabel.setText(QCoreApplication.translate("ReportOptionsPanel", u"au", None))
#if QT_CONFIG(accessibility)
        self.period_to.setAccessibleDescription(QCoreApplication.translate("ReportOptionsPanel", u"Dernier jour de la p\u00e9riode du rapport, jj/mm/aaaa", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.period_to.setAccessibleName(QCoreApplication.translate("ReportOptionsPanel", u"P\u00e9riode au", None))
#endif // QT_CONFIG(accessibility)
        self.period_to.setPlaceholderText(QCoreApplication.translate("ReportOptionsPanel", u"jj/mm/aaaa", None))
        self.sectionsLabel.setText(QCoreApplication.translate("ReportOptionsPanel", u"Sections", None))
        self.annexBox.setText(QCoreApplication.translate("ReportOptionsPanel", u"Annexe : une page par fiche-action", None))
        self.logoCaption.setText(QCoreApplication.translate("ReportOptionsPanel", u"Logo", None))
        self.chooseLogoButton.setText(QCoreApplication.translate("ReportOptionsPanel", u"Choisir\u2026", None))
        self.removeLogoButton.setText(QCoreApplication.translate("ReportOptionsPanel", u"Retirer", None))
    # retranslateUi

