# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_detail.ui'
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
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_MeetingDetail(object):
    def setupUi(self, MeetingDetail):
        if not MeetingDetail.objectName():
            MeetingDetail.setObjectName(u"MeetingDetail")
        self.detailsLayout = QVBoxLayout(MeetingDetail)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.titleLabel = QLabel(MeetingDetail)
        self.titleLabel.setObjectName(u"titleLabel")

        self.detailsLayout.addWidget(self.titleLabel)

        self.stateLabel = QLabel(MeetingDetail)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setProperty(u"role", u"hint")

        self.detailsLayout.addWidget(self.stateLabel)

        self.buttonsRow = QHBoxLayout()
        self.buttonsRow.setObjectName(u"buttonsRow")
        self.modeButton = QPushButton(MeetingDetail)
        self.modeButton.setObjectName(u"modeButton")
        self.modeButton.setProperty(u"role", u"primary")
        self.modeButton.setProperty(u"sizing", u"large")

        self.buttonsRow.addWidget(self.modeButton)

        self.closeButton = QPushButton(MeetingDetail)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setProperty(u"sizing", u"large")

        self.buttonsRow.addWidget(self.closeButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsRow.addItem(self.buttonsSpacer)

        self.buttonsRow.setStretch(2, 1)

        self.detailsLayout.addLayout(self.buttonsRow)

        self.minutesLayout = QVBoxLayout()
        self.minutesLayout.setObjectName(u"minutesLayout")

        self.detailsLayout.addLayout(self.minutesLayout)

        self.messageLabel = QLabel(MeetingDetail)
        self.messageLabel.setObjectName(u"messageLabel")

        self.detailsLayout.addWidget(self.messageLabel)

        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.fieldsBox = QGroupBox(MeetingDetail)
        self.fieldsBox.setObjectName(u"fieldsBox")
        self.fieldsBoxLayout = QVBoxLayout(self.fieldsBox)
        self.fieldsBoxLayout.setObjectName(u"fieldsBoxLayout")
        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kindLabel = QLabel(self.fieldsBox)
        self.kindLabel.setObjectName(u"kindLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindField = QWidget(self.fieldsBox)
        self.kindField.setObjectName(u"kindField")
        self.kindLayout = QVBoxLayout(self.kindField)
        self.kindLayout.setSpacing(2)
        self.kindLayout.setObjectName(u"kindLayout")
        self.kindLayout.setContentsMargins(0, 0, 0, 0)
        self.kindCombo = QComboBox(self.kindField)
        self.kindCombo.setObjectName(u"kindCombo")

        self.kindLayout.addWidget(self.kindCombo)

        self.erreur_kind = QLabel(self.kindField)
        self.erreur_kind.setObjectName(u"erreur_kind")

        self.kindLayout.addWidget(self.erreur_kind)


        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindField)

        self.heldOnLabel = QLabel(self.fieldsBox)
        self.heldOnLabel.setObjectName(u"heldOnLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.heldOnLabel)

        self.heldOnField = QWidget(self.fieldsBox)
        self.heldOnField.setObjectName(u"heldOnField")
        self.heldOnLayout = QVBoxLayout(self.heldOnField)
        self.heldOnLayout.setSpacing(2)
        self.heldOnLayout.setObjectName(u"heldOnLayout")
        self.heldOnLayout.setContentsMargins(0, 0, 0, 0)
        self.dateEdit = QLineEdit(self.heldOnField)
        self.dateEdit.setObjectName(u"dateEdit")

        self.heldOnLayout.addWidget(self.dateEdit)

        self.erreur_held_on = QLabel(self.heldOnField)
        self.erreur_held_on.setObjectName(u"erreur_held_on")

        self.heldOnLayout.addWidget(self.erreur_held_on)


        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.heldOnField)

        self.placeLabel = QLabel(self.fieldsBox)
        self.placeLabel.setObjectName(u"placeLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeField = QWidget(self.fieldsBox)
        self.placeField.setObjectName(u"placeField")
        self.placeLayout = QVBoxLayout(self.placeField)
        self.placeLayout.setSpacing(2)
        self.placeLayout.setObjectName(u"placeLayout")
        self.placeLayout.setContentsMargins(0, 0, 0, 0)
        self.placeEdit = QLineEdit(self.placeField)
        self.placeEdit.setObjectName(u"placeEdit")

        self.placeLayout.addWidget(self.placeEdit)

        self.erreur_place = QLabel(self.placeField)
        self.erreur_place.setObjectName(u"erreur_place")

        self.placeLayout.addWidget(self.erreur_place)


        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.placeField)

        self.minutesStateLabel = QLabel(self.fieldsBox)
        self.minutesStateLabel.setObjectName(u"minutesStateLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.minutesStateLabel)

        self.minutesStateField = QWidget(self.fieldsBox)
        self.minutesStateField.setObjectName(u"minutesStateField")
        self.minutesStateLayout = QVBoxLayout(self.minutesStateField)
        self.minutesStateLayout.setSpacing(2)
        self.minutesStateLayout.setObjectName(u"minutesStateLayout")
        self.minutesStateLayout.setContentsMargins(0, 0, 0, 0)
        self.minutesStateCombo = QComboBox(self.minutesStateField)
        self.minutesStateCombo.setObjectName(u"minutesStateCombo")

        self.minutesStateLayout.addWidget(self.minutesStateCombo)

        self.erreur_minutes_state = QLabel(self.minutesStateField)
        self.erreur_minutes_state.setObjectName(u"erreur_minutes_state")

        self.minutesStateLayout.addWidget(self.erreur_minutes_state)


        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.minutesStateField)

        self.notesLabel = QLabel(self.fieldsBox)
        self.notesLabel.setObjectName(u"notesLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesField = QWidget(self.fieldsBox)
        self.notesField.setObjectName(u"notesField")
        self.notesLayout = QVBoxLayout(self.notesField)
        self.notesLayout.setSpacing(2)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesLayout.setContentsMargins(0, 0, 0, 0)
        self.notesEdit = QPlainTextEdit(self.notesField)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMinimumSize(QSize(0, 70))
        self.notesEdit.setMaximumSize(QSize(16777215, 90))
        self.notesEdit.setTabChangesFocus(True)

        self.notesLayout.addWidget(self.notesEdit)

        self.erreur_notes = QLabel(self.notesField)
        self.erreur_notes.setObjectName(u"erreur_notes")

        self.notesLayout.addWidget(self.erreur_notes)


        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notesField)


        self.fieldsBoxLayout.addLayout(self.fieldsForm)


        self.topRow.addWidget(self.fieldsBox)

        self.participantsBox = QGroupBox(MeetingDetail)
        self.participantsBox.setObjectName(u"participantsBox")
        self.participantsLayout = QVBoxLayout(self.participantsBox)
        self.participantsLayout.setObjectName(u"participantsLayout")
        self.participantsEmpty = QLabel(self.participantsBox)
        self.participantsEmpty.setObjectName(u"participantsEmpty")
        self.participantsEmpty.setProperty(u"role", u"hint")

        self.participantsLayout.addWidget(self.participantsEmpty)

        self.participantsList = QListWidget(self.participantsBox)
        self.participantsList.setObjectName(u"participantsList")
        self.participantsList.setMinimumSize(QSize(0, 60))
        self.participantsList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.participantsList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.participantsList.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.participantsLayout.addWidget(self.participantsList)

        self.participantsButton = QPushButton(self.participantsBox)
        self.participantsButton.setObjectName(u"participantsButton")

        self.participantsLayout.addWidget(self.participantsButton, 0, Qt.AlignmentFlag.AlignLeft)

        self.participantsLayout.setStretch(1, 1)

        self.topRow.addWidget(self.participantsBox)

        self.topRow.setStretch(0, 3)
        self.topRow.setStretch(1, 2)

        self.detailsLayout.addLayout(self.topRow)

        self.agendaBox = QGroupBox(MeetingDetail)
        self.agendaBox.setObjectName(u"agendaBox")
        self.agendaLayout = QVBoxLayout(self.agendaBox)
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.agendaView = QTableView(self.agendaBox)
        self.agendaView.setObjectName(u"agendaView")
        self.agendaView.setMinimumSize(QSize(0, 120))
        self.agendaView.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.agendaLayout.addWidget(self.agendaView)

        self.agendaMessage = QLabel(self.agendaBox)
        self.agendaMessage.setObjectName(u"agendaMessage")

        self.agendaLayout.addWidget(self.agendaMessage)

        self.agendaButtons = QHBoxLayout()
        self.agendaButtons.setObjectName(u"agendaButtons")
        self.addActionButton = QPushButton(self.agendaBox)
        self.addActionButton.setObjectName(u"addActionButton")

        self.agendaButtons.addWidget(self.addActionButton)

        self.addFreeButton = QPushButton(self.agendaBox)
        self.addFreeButton.setObjectName(u"addFreeButton")

        self.agendaButtons.addWidget(self.addFreeButton)

        self.editItemButton = QPushButton(self.agendaBox)
        self.editItemButton.setObjectName(u"editItemButton")

        self.agendaButtons.addWidget(self.editItemButton)

        self.removeButton = QPushButton(self.agendaBox)
        self.removeButton.setObjectName(u"removeButton")

        self.agendaButtons.addWidget(self.removeButton)

        self.agendaSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.agendaButtons.addItem(self.agendaSpacer)

        self.upButton = QPushButton(self.agendaBox)
        self.upButton.setObjectName(u"upButton")

        self.agendaButtons.addWidget(self.upButton)

        self.downButton = QPushButton(self.agendaBox)
        self.downButton.setObjectName(u"downButton")

        self.agendaButtons.addWidget(self.downButton)

        self.agendaButtons.setStretch(4, 1)

        self.agendaLayout.addLayout(self.agendaButtons)

        self.agendaLayout.setStretch(0, 1)

        self.detailsLayout.addWidget(self.agendaBox)

        self.decisionsBox = QGroupBox(MeetingDetail)
        self.decisionsBox.setObjectName(u"decisionsBox")
        self.decisionsLayout = QVBoxLayout(self.decisionsBox)
        self.decisionsLayout.setObjectName(u"decisionsLayout")
        self.decisionsEmpty = QLabel(self.decisionsBox)
        self.decisionsEmpty.setObjectName(u"decisionsEmpty")
        self.decisionsEmpty.setProperty(u"role", u"hint")

        self.decisionsLayout.addWidget(self.decisionsEmpty)

        self.decisionsView = QTableView(self.decisionsBox)
        self.decisionsView.setObjectName(u"decisionsView")
        self.decisionsView.setMinimumSize(QSize(0, 100))
        self.decisionsView.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.decisionsLayout.addWidget(self.decisionsView)

        self.decisionsLayout.setStretch(1, 1)

        self.detailsLayout.addWidget(self.decisionsBox)

        self.detailsLayout.setStretch(6, 3)
        self.detailsLayout.setStretch(7, 2)
#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.heldOnLabel.setBuddy(self.dateEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.minutesStateLabel.setBuddy(self.minutesStateCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MeetingDetail)

        QMetaObject.connectSlotsByName(MeetingDetail)
    # setupUi

    def retranslateUi(self, MeetingDetail):
#if QT_CONFIG(tooltip)
        self.modeButton.setToolTip(QCoreApplication.translate("MeetingDetail", u"Plein \u00e9cran pour le vid\u00e9oprojecteur : un point de l'ordre du jour par \u00e9cran", None))
#endif // QT_CONFIG(tooltip)
        self.modeButton.setText(QCoreApplication.translate("MeetingDetail", u"Lancer le mode r\u00e9union", None))
        self.closeButton.setText(QCoreApplication.translate("MeetingDetail", u"Clore la r\u00e9union", None))
        self.fieldsBox.setTitle(QCoreApplication.translate("MeetingDetail", u"R\u00e9union", None))
        self.dateEdit.setPlaceholderText(QCoreApplication.translate("MeetingDetail", u"jj/mm/aaaa", None))
        self.minutesStateLabel.setText(QCoreApplication.translate("MeetingDetail", u"Compte rendu", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("MeetingDetail", u"Objet de la r\u00e9union, points d'attention\u2026", None))
        self.participantsEmpty.setText(QCoreApplication.translate("MeetingDetail", u"Aucun participant choisi dans l'annuaire.", None))
        self.participantsButton.setText(QCoreApplication.translate("MeetingDetail", u"Modifier les participants\u2026", None))
        self.addActionButton.setText(QCoreApplication.translate("MeetingDetail", u"Ajouter une action\u2026", None))
        self.addFreeButton.setText(QCoreApplication.translate("MeetingDetail", u"Ajouter un point libre\u2026", None))
        self.editItemButton.setText(QCoreApplication.translate("MeetingDetail", u"Modifier\u2026", None))
        self.removeButton.setText(QCoreApplication.translate("MeetingDetail", u"Retirer", None))
        self.upButton.setText(QCoreApplication.translate("MeetingDetail", u"Monter", None))
        self.downButton.setText(QCoreApplication.translate("MeetingDetail", u"Descendre", None))
        self.decisionsEmpty.setText(QCoreApplication.translate("MeetingDetail", u"Aucune d\u00e9cision prise dans cette r\u00e9union : elles se saisissent en mode r\u00e9union.", None))
        pass
    # retranslateUi

