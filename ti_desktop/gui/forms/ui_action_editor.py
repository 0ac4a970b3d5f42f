# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_editor.ui'
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
    QDialog, QFormLayout, QFrame, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListView, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSpinBox,
    QSplitter, QTabWidget, QTableView, QTextBrowser,
    QToolButton, QVBoxLayout, QWidget)

class Ui_ActionEditor(object):
    def setupUi(self, ActionEditor):
        if not ActionEditor.objectName():
            ActionEditor.setObjectName(u"ActionEditor")
        ActionEditor.resize(1180, 800)
        self.mainLayout = QVBoxLayout(ActionEditor)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLabel = QLabel(ActionEditor)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)
        self.headerLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.headerLabel)

        self.subtitleLabel = QLabel(ActionEditor)
        self.subtitleLabel.setObjectName(u"subtitleLabel")
        self.subtitleLabel.setWordWrap(True)
        self.subtitleLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.subtitleLabel)

        self.tabs = QTabWidget(ActionEditor)
        self.tabs.setObjectName(u"tabs")
        self.generalTab = QWidget()
        self.generalTab.setObjectName(u"generalTab")
        self.generalTabLayout = QVBoxLayout(self.generalTab)
        self.generalTabLayout.setObjectName(u"generalTabLayout")
        self.generalTabLayout.setContentsMargins(0, 0, 0, 0)
        self.generalScroll = QScrollArea(self.generalTab)
        self.generalScroll.setObjectName(u"generalScroll")
        self.generalScroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.generalScroll.setWidgetResizable(True)
        self.generalScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.generalContents = QWidget()
        self.generalContents.setObjectName(u"generalContents")
        self.generalColumns = QHBoxLayout(self.generalContents)
        self.generalColumns.setObjectName(u"generalColumns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.identityGroup = QGroupBox(self.generalContents)
        self.identityGroup.setObjectName(u"identityGroup")
        self.identityForm = QFormLayout(self.identityGroup)
        self.identityForm.setObjectName(u"identityForm")
        self.codeLabel = QLabel(self.identityGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.identityForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.identityGroup)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(20)

        self.identityForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.titleLabel = QLabel(self.identityGroup)
        self.titleLabel.setObjectName(u"titleLabel")

        self.identityForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.identityGroup)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.identityForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.axisLabel = QLabel(self.identityGroup)
        self.axisLabel.setObjectName(u"axisLabel")

        self.identityForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.axisLabel)

        self.axisCombo = QComboBox(self.identityGroup)
        self.axisCombo.setObjectName(u"axisCombo")

        self.identityForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.axisCombo)

        self.objectiveLabel = QLabel(self.identityGroup)
        self.objectiveLabel.setObjectName(u"objectiveLabel")

        self.identityForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.objectiveLabel)

        self.objectiveCombo = QComboBox(self.identityGroup)
        self.objectiveCombo.setObjectName(u"objectiveCombo")

        self.identityForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.objectiveCombo)

        self.parentLabel = QLabel(self.identityGroup)
        self.parentLabel.setObjectName(u"parentLabel")

        self.identityForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentCombo = QComboBox(self.identityGroup)
        self.parentCombo.setObjectName(u"parentCombo")

        self.identityForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.parentCombo)

        self.statusLabel = QLabel(self.identityGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.identityForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(self.identityGroup)
        self.statusCombo.setObjectName(u"statusCombo")

        self.identityForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.priorityLabel = QLabel(self.identityGroup)
        self.priorityLabel.setObjectName(u"priorityLabel")

        self.identityForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.priorityLabel)

        self.priorityCombo = QComboBox(self.identityGroup)
        self.priorityCombo.setObjectName(u"priorityCombo")

        self.identityForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.priorityCombo)

        self.progressLabel = QLabel(self.identityGroup)
        self.progressLabel.setObjectName(u"progressLabel")

        self.identityForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.progressLabel)

        self.progressSpin = QSpinBox(self.identityGroup)
        self.progressSpin.setObjectName(u"progressSpin")
        self.progressSpin.setMaximum(100)
        self.progressSpin.setSingleStep(5)
        self.progressSpin.setKeyboardTracking(False)

        self.identityForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.progressSpin)

        self.flagsLabel = QLabel(self.identityGroup)
        self.flagsLabel.setObjectName(u"flagsLabel")

        self.identityForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.flagsLabel)

        self.flagsLayout = QHBoxLayout()
        self.flagsLayout.setObjectName(u"flagsLayout")
        self.toDiscussCheck = QCheckBox(self.identityGroup)
        self.toDiscussCheck.setObjectName(u"toDiscussCheck")

        self.flagsLayout.addWidget(self.toDiscussCheck)

        self.confidentialCheck = QCheckBox(self.identityGroup)
        self.confidentialCheck.setObjectName(u"confidentialCheck")

        self.flagsLayout.addWidget(self.confidentialCheck)

        self.flagsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.flagsLayout.addItem(self.flagsSpacer)


        self.identityForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.flagsLayout)


        self.leftColumn.addWidget(self.identityGroup)

        self.actorsGroup = QGroupBox(self.generalContents)
        self.actorsGroup.setObjectName(u"actorsGroup")
        self.actorsForm = QFormLayout(self.actorsGroup)
        self.actorsForm.setObjectName(u"actorsForm")
        self.leadLabel = QLabel(self.actorsGroup)
        self.leadLabel.setObjectName(u"leadLabel")

        self.actorsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.leadLabel)

        self.leadCombo = QComboBox(self.actorsGroup)
        self.leadCombo.setObjectName(u"leadCombo")

        self.actorsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.leadCombo)

        self.pilotLabel = QLabel(self.actorsGroup)
        self.pilotLabel.setObjectName(u"pilotLabel")

        self.actorsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pilotLabel)

        self.pilotCombo = QComboBox(self.actorsGroup)
        self.pilotCombo.setObjectName(u"pilotCombo")

        self.actorsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pilotCombo)

        self.electedLabel = QLabel(self.actorsGroup)
        self.electedLabel.setObjectName(u"electedLabel")

        self.actorsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.electedLabel)

        self.electedCombo = QComboBox(self.actorsGroup)
        self.electedCombo.setObjectName(u"electedCombo")

        self.actorsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.electedCombo)


        self.leftColumn.addWidget(self.actorsGroup)

        self.calendarBudgetRow = QHBoxLayout()
        self.calendarBudgetRow.setObjectName(u"calendarBudgetRow")
        self.calendarGroup = QGroupBox(self.generalContents)
        self.calendarGroup.setObjectName(u"calendarGroup")
        self.calendarForm = QFormLayout(self.calendarGroup)
        self.calendarForm.setObjectName(u"calendarForm")
        self.plannedStartLabel = QLabel(self.calendarGroup)
        self.plannedStartLabel.setObjectName(u"plannedStartLabel")

        self.calendarForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.plannedStartLabel)

        self.plannedStartEdit = QLineEdit(self.calendarGroup)
        self.plannedStartEdit.setObjectName(u"plannedStartEdit")

        self.calendarForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.plannedStartEdit)

        self.plannedEndLabel = QLabel(self.calendarGroup)
        self.plannedEndLabel.setObjectName(u"plannedEndLabel")

        self.calendarForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.plannedEndLabel)

        self.plannedEndEdit = QLineEdit(self.calendarGroup)
        self.plannedEndEdit.setObjectName(u"plannedEndEdit")

        self.calendarForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.plannedEndEdit)

        self.actualEndLabel = QLabel(self.calendarGroup)
        self.actualEndLabel.setObjectName(u"actualEndLabel")

        self.calendarForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.actualEndLabel)

        self.actualEndEdit = QLineEdit(self.calendarGroup)
        self.actualEndEdit.setObjectName(u"actualEndEdit")

        self.calendarForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.actualEndEdit)


        self.calendarBudgetRow.addWidget(self.calendarGroup)

        self.budgetGroup = QGroupBox(self.generalContents)
        self.budgetGroup.setObjectName(u"budgetGroup")
        self.budgetForm = QFormLayout(self.budgetGroup)
        self.budgetForm.setObjectName(u"budgetForm")
        self.plannedBudgetLabel = QLabel(self.budgetGroup)
        self.plannedBudgetLabel.setObjectName(u"plannedBudgetLabel")

        self.budgetForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.plannedBudgetLabel)

        self.plannedBudgetEdit = QLineEdit(self.budgetGroup)
        self.plannedBudgetEdit.setObjectName(u"plannedBudgetEdit")

        self.budgetForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.plannedBudgetEdit)

        self.budgetBasisLabel = QLabel(self.budgetGroup)
        self.budgetBasisLabel.setObjectName(u"budgetBasisLabel")

        self.budgetForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.budgetBasisLabel)

        self.budgetBasisCombo = QComboBox(self.budgetGroup)
        self.budgetBasisCombo.setObjectName(u"budgetBasisCombo")

        self.budgetForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.budgetBasisCombo)

        self.spentLabel = QLabel(self.budgetGroup)
        self.spentLabel.setObjectName(u"spentLabel")

        self.budgetForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.spentLabel)

        self.spentEdit = QLineEdit(self.budgetGroup)
        self.spentEdit.setObjectName(u"spentEdit")

        self.budgetForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.spentEdit)

        self.budgetNatureLabel = QLabel(self.budgetGroup)
        self.budgetNatureLabel.setObjectName(u"budgetNatureLabel")

        self.budgetForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.budgetNatureLabel)

        self.budgetNatureCombo = QComboBox(self.budgetGroup)
        self.budgetNatureCombo.setObjectName(u"budgetNatureCombo")

        self.budgetForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.budgetNatureCombo)

        self.inducedLabel = QLabel(self.budgetGroup)
        self.inducedLabel.setObjectName(u"inducedLabel")

        self.budgetForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.inducedLabel)

        self.inducedEdit = QLineEdit(self.budgetGroup)
        self.inducedEdit.setObjectName(u"inducedEdit")

        self.budgetForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.inducedEdit)

        self.jobsLabel = QLabel(self.budgetGroup)
        self.jobsLabel.setObjectName(u"jobsLabel")

        self.budgetForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.jobsLabel)

        self.jobsSpin = QSpinBox(self.budgetGroup)
        self.jobsSpin.setObjectName(u"jobsSpin")
        self.jobsSpin.setMinimum(-1)
        self.jobsSpin.setMaximum(100000)
        self.jobsSpin.setKeyboardTracking(False)

        self.budgetForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.jobsSpin)

        self.jobsCreatedLabel = QLabel(self.budgetGroup)
        self.jobsCreatedLabel.setObjectName(u"jobsCreatedLabel")

        self.budgetForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.jobsCreatedLabel)

        self.jobsCreatedSpin = QSpinBox(self.budgetGroup)
        self.jobsCreatedSpin.setObjectName(u"jobsCreatedSpin")
        self.jobsCreatedSpin.setMinimum(-1)
        self.jobsCreatedSpin.setMaximum(100000)
        self.jobsCreatedSpin.setKeyboardTracking(False)

        self.budgetForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.jobsCreatedSpin)

        self.achievedInvestmentLabel = QLabel(self.budgetGroup)
        self.achievedInvestmentLabel.setObjectName(u"achievedInvestmentLabel")

        self.budgetForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.achievedInvestmentLabel)

        self.achievedInvestmentEdit = QLineEdit(self.budgetGroup)
        self.achievedInvestmentEdit.setObjectName(u"achievedInvestmentEdit")

        self.budgetForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.achievedInvestmentEdit)


        self.calendarBudgetRow.addWidget(self.budgetGroup)

        self.calendarBudgetRow.setStretch(0, 2)
        self.calendarBudgetRow.setStretch(1, 3)

        self.leftColumn.addLayout(self.calendarBudgetRow)

        self.leftSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.generalColumns.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.descriptionGroup = QGroupBox(self.generalContents)
        self.descriptionGroup.setObjectName(u"descriptionGroup")
        self.descriptionLayout = QVBoxLayout(self.descriptionGroup)
        self.descriptionLayout.setObjectName(u"descriptionLayout")
        self.descriptionEdit = QPlainTextEdit(self.descriptionGroup)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.descriptionLayout.addWidget(self.descriptionEdit)


        self.rightColumn.addWidget(self.descriptionGroup)

        self.resultsGroup = QGroupBox(self.generalContents)
        self.resultsGroup.setObjectName(u"resultsGroup")
        self.resultsLayout = QVBoxLayout(self.resultsGroup)
        self.resultsLayout.setObjectName(u"resultsLayout")
        self.resultsEdit = QPlainTextEdit(self.resultsGroup)
        self.resultsEdit.setObjectName(u"resultsEdit")
        self.resultsEdit.setTabChangesFocus(True)

        self.resultsLayout.addWidget(self.resultsEdit)


        self.rightColumn.addWidget(self.resultsGroup)

        self.notesGroup = QGroupBox(self.generalContents)
        self.notesGroup.setObjectName(u"notesGroup")
        self.notesLayout = QVBoxLayout(self.notesGroup)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesEdit = QPlainTextEdit(self.notesGroup)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.notesLayout.addWidget(self.notesEdit)


        self.rightColumn.addWidget(self.notesGroup)

        self.challengesGroup = QGroupBox(self.generalContents)
        self.challengesGroup.setObjectName(u"challengesGroup")
        self.challengesLayout = QVBoxLayout(self.challengesGroup)
        self.challengesLayout.setObjectName(u"challengesLayout")
        self.challengesView = QListView(self.challengesGroup)
        self.challengesView.setObjectName(u"challengesView")
        self.challengesView.setAlternatingRowColors(True)

        self.challengesLayout.addWidget(self.challengesView)


        self.rightColumn.addWidget(self.challengesGroup)

        self.partnersGroup = QGroupBox(self.generalContents)
        self.partnersGroup.setObjectName(u"partnersGroup")
        self.partnersLayout = QVBoxLayout(self.partnersGroup)
        self.partnersLayout.setObjectName(u"partnersLayout")
        self.partnersView = QTableView(self.partnersGroup)
        self.partnersView.setObjectName(u"partnersView")
        self.partnersView.setAlternatingRowColors(True)
        self.partnersView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.partnersView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.partnersView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.partnersView.setWordWrap(False)

        self.partnersLayout.addWidget(self.partnersView)

        self.partnerInputs = QHBoxLayout()
        self.partnerInputs.setObjectName(u"partnerInputs")
        self.partnerActorCombo = QComboBox(self.partnersGroup)
        self.partnerActorCombo.setObjectName(u"partnerActorCombo")

        self.partnerInputs.addWidget(self.partnerActorCombo)

        self.partnerRoleEdit = QLineEdit(self.partnersGroup)
        self.partnerRoleEdit.setObjectName(u"partnerRoleEdit")
        self.partnerRoleEdit.setMaxLength(200)

        self.partnerInputs.addWidget(self.partnerRoleEdit)

        self.addPartnerButton = QPushButton(self.partnersGroup)
        self.addPartnerButton.setObjectName(u"addPartnerButton")
        self.addPartnerButton.setAutoDefault(False)

        self.partnerInputs.addWidget(self.addPartnerButton)

        self.removePartnerButton = QPushButton(self.partnersGroup)
        self.removePartnerButton.setObjectName(u"removePartnerButton")
        self.removePartnerButton.setAutoDefault(False)

        self.partnerInputs.addWidget(self.removePartnerButton)

        self.partnerInputs.setStretch(0, 3)
        self.partnerInputs.setStretch(1, 2)

        self.partnersLayout.addLayout(self.partnerInputs)


        self.rightColumn.addWidget(self.partnersGroup)


        self.generalColumns.addLayout(self.rightColumn)

        self.generalColumns.setStretch(0, 5)
        self.generalColumns.setStretch(1, 6)
        self.generalScroll.setWidget(self.generalContents)

        self.generalTabLayout.addWidget(self.generalScroll)

        self.tabs.addTab(self.generalTab, "")
        self.fundingTab = QWidget()
        self.fundingTab.setObjectName(u"fundingTab")
        self.fundingLayout = QVBoxLayout(self.fundingTab)
        self.fundingLayout.setObjectName(u"fundingLayout")
        self.fundingView = QTableView(self.fundingTab)
        self.fundingView.setObjectName(u"fundingView")
        self.fundingView.setAlternatingRowColors(True)
        self.fundingView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fundingView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fundingView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fundingView.setWordWrap(False)

        self.fundingLayout.addWidget(self.fundingView)

        self.fundingButtons = QHBoxLayout()
        self.fundingButtons.setObjectName(u"fundingButtons")
        self.addFundingButton = QPushButton(self.fundingTab)
        self.addFundingButton.setObjectName(u"addFundingButton")
        self.addFundingButton.setAutoDefault(False)

        self.fundingButtons.addWidget(self.addFundingButton)

        self.editFundingButton = QPushButton(self.fundingTab)
        self.editFundingButton.setObjectName(u"editFundingButton")
        self.editFundingButton.setAutoDefault(False)

        self.fundingButtons.addWidget(self.editFundingButton)

        self.deleteFundingButton = QPushButton(self.fundingTab)
        self.deleteFundingButton.setObjectName(u"deleteFundingButton")
        self.deleteFundingButton.setAutoDefault(False)

        self.fundingButtons.addWidget(self.deleteFundingButton)

        self.fundingButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fundingButtons.addItem(self.fundingButtonsSpacer)


        self.fundingLayout.addLayout(self.fundingButtons)

        self.fundingTotalsGroup = QGroupBox(self.fundingTab)
        self.fundingTotalsGroup.setObjectName(u"fundingTotalsGroup")
        self.fundingTotalsLayout = QGridLayout(self.fundingTotalsGroup)
        self.fundingTotalsLayout.setObjectName(u"fundingTotalsLayout")
        self.fundingTotalsLayout.setHorizontalSpacing(16)
        self.requestedCaption = QLabel(self.fundingTotalsGroup)
        self.requestedCaption.setObjectName(u"requestedCaption")

        self.fundingTotalsLayout.addWidget(self.requestedCaption, 0, 0, 1, 1)

        self.requestedValue = QLabel(self.fundingTotalsGroup)
        self.requestedValue.setObjectName(u"requestedValue")
        self.requestedValue.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.fundingTotalsLayout.addWidget(self.requestedValue, 0, 1, 1, 1)

        self.grantedCaption = QLabel(self.fundingTotalsGroup)
        self.grantedCaption.setObjectName(u"grantedCaption")

        self.fundingTotalsLayout.addWidget(self.grantedCaption, 0, 3, 1, 1)

        self.grantedValue = QLabel(self.fundingTotalsGroup)
        self.grantedValue.setObjectName(u"grantedValue")
        self.grantedValue.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.fundingTotalsLayout.addWidget(self.grantedValue, 0, 4, 1, 1)

        self.paidCaption = QLabel(self.fundingTotalsGroup)
        self.paidCaption.setObjectName(u"paidCaption")

        self.fundingTotalsLayout.addWidget(self.paidCaption, 1, 0, 1, 1)

        self.paidValue = QLabel(self.fundingTotalsGroup)
        self.paidValue.setObjectName(u"paidValue")
        self.paidValue.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.fundingTotalsLayout.addWidget(self.paidValue, 1, 1, 1, 1)

        self.coverageCaption = QLabel(self.fundingTotalsGroup)
        self.coverageCaption.setObjectName(u"coverageCaption")

        self.fundingTotalsLayout.addWidget(self.coverageCaption, 1, 3, 1, 1)

        self.coverageValue = QLabel(self.fundingTotalsGroup)
        self.coverageValue.setObjectName(u"coverageValue")
        self.coverageValue.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.fundingTotalsLayout.addWidget(self.coverageValue, 1, 4, 1, 1)

        self.totalsGap = QSpacerItem(48, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.fundingTotalsLayout.addItem(self.totalsGap, 0, 2, 1, 1)

        self.totalsSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fundingTotalsLayout.addItem(self.totalsSpacer, 0, 5, 1, 1)

        self.fundingTotalsLayout.setColumnStretch(5, 1)

        self.fundingLayout.addWidget(self.fundingTotalsGroup)

        self.tabs.addTab(self.fundingTab, "")
        self.milestonesTab = QWidget()
        self.milestonesTab.setObjectName(u"milestonesTab")
        self.milestonesLayout = QVBoxLayout(self.milestonesTab)
        self.milestonesLayout.setObjectName(u"milestonesLayout")
        self.milestonesView = QTableView(self.milestonesTab)
        self.milestonesView.setObjectName(u"milestonesView")
        self.milestonesView.setAlternatingRowColors(True)
        self.milestonesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.milestonesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.milestonesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.milestonesView.setWordWrap(False)

        self.milestonesLayout.addWidget(self.milestonesView)

        self.milestoneButtons = QHBoxLayout()
        self.milestoneButtons.setObjectName(u"milestoneButtons")
        self.addMilestoneButton = QPushButton(self.milestonesTab)
        self.addMilestoneButton.setObjectName(u"addMilestoneButton")
        self.addMilestoneButton.setAutoDefault(False)

        self.milestoneButtons.addWidget(self.addMilestoneButton)

        self.editMilestoneButton = QPushButton(self.milestonesTab)
        self.editMilestoneButton.setObjectName(u"editMilestoneButton")
        self.editMilestoneButton.setAutoDefault(False)

        self.milestoneButtons.addWidget(self.editMilestoneButton)

        self.markDoneButton = QPushButton(self.milestonesTab)
        self.markDoneButton.setObjectName(u"markDoneButton")
        self.markDoneButton.setAutoDefault(False)

        self.milestoneButtons.addWidget(self.markDoneButton)

        self.deleteMilestoneButton = QPushButton(self.milestonesTab)
        self.deleteMilestoneButton.setObjectName(u"deleteMilestoneButton")
        self.deleteMilestoneButton.setAutoDefault(False)

        self.milestoneButtons.addWidget(self.deleteMilestoneButton)

        self.milestoneButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.milestoneButtons.addItem(self.milestoneButtonsSpacer)


        self.milestonesLayout.addLayout(self.milestoneButtons)

        self.tabs.addTab(self.milestonesTab, "")
        self.indicatorsTab = QWidget()
        self.indicatorsTab.setObjectName(u"indicatorsTab")
        self.indicatorsLayout = QVBoxLayout(self.indicatorsTab)
        self.indicatorsLayout.setObjectName(u"indicatorsLayout")
        self.indicatorsSplitter = QSplitter(self.indicatorsTab)
        self.indicatorsSplitter.setObjectName(u"indicatorsSplitter")
        self.indicatorsSplitter.setOrientation(Qt.Orientation.Vertical)
        self.indicatorsSplitter.setChildrenCollapsible(False)
        self.indicatorsPane = QWidget(self.indicatorsSplitter)
        self.indicatorsPane.setObjectName(u"indicatorsPane")
        self.indicatorsPaneLayout = QVBoxLayout(self.indicatorsPane)
        self.indicatorsPaneLayout.setObjectName(u"indicatorsPaneLayout")
        self.indicatorsPaneLayout.setContentsMargins(0, 0, 0, 0)
        self.indicatorsView = QTableView(self.indicatorsPane)
        self.indicatorsView.setObjectName(u"indicatorsView")
        self.indicatorsView.setAlternatingRowColors(True)
        self.indicatorsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.indicatorsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.indicatorsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.indicatorsView.setWordWrap(False)

        self.indicatorsPaneLayout.addWidget(self.indicatorsView)

        self.indicatorButtons = QHBoxLayout()
        self.indicatorButtons.setObjectName(u"indicatorButtons")
        self.addIndicatorButton = QPushButton(self.indicatorsPane)
        self.addIndicatorButton.setObjectName(u"addIndicatorButton")
        self.addIndicatorButton.setAutoDefault(False)

        self.indicatorButtons.addWidget(self.addIndicatorButton)

        self.indicatorButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.indicatorButtons.addItem(self.indicatorButtonsSpacer)


        self.indicatorsPaneLayout.addLayout(self.indicatorButtons)

        self.indicatorsSplitter.addWidget(self.indicatorsPane)
        self.valuesPane = QWidget(self.indicatorsSplitter)
        self.valuesPane.setObjectName(u"valuesPane")
        self.valuesPaneLayout = QVBoxLayout(self.valuesPane)
        self.valuesPaneLayout.setObjectName(u"valuesPaneLayout")
        self.valuesPaneLayout.setContentsMargins(0, 0, 0, 0)
        self.valuesCaption = QLabel(self.valuesPane)
        self.valuesCaption.setObjectName(u"valuesCaption")

        self.valuesPaneLayout.addWidget(self.valuesCaption)

        self.valuesView = QTableView(self.valuesPane)
        self.valuesView.setObjectName(u"valuesView")
        self.valuesView.setAlternatingRowColors(True)
        self.valuesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.valuesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.valuesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.valuesView.setWordWrap(False)

        self.valuesPaneLayout.addWidget(self.valuesView)

        self.valueButtons = QHBoxLayout()
        self.valueButtons.setObjectName(u"valueButtons")
        self.addValueButton = QPushButton(self.valuesPane)
        self.addValueButton.setObjectName(u"addValueButton")
        self.addValueButton.setAutoDefault(False)

        self.valueButtons.addWidget(self.addValueButton)

        self.deleteValueButton = QPushButton(self.valuesPane)
        self.deleteValueButton.setObjectName(u"deleteValueButton")
        self.deleteValueButton.setAutoDefault(False)

        self.valueButtons.addWidget(self.deleteValueButton)

        self.valueButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.valueButtons.addItem(self.valueButtonsSpacer)


        self.valuesPaneLayout.addLayout(self.valueButtons)

        self.indicatorsSplitter.addWidget(self.valuesPane)

        self.indicatorsLayout.addWidget(self.indicatorsSplitter)

        self.tabs.addTab(self.indicatorsTab, "")
        self.updatesTab = QWidget()
        self.updatesTab.setObjectName(u"updatesTab")
        self.updatesLayout = QVBoxLayout(self.updatesTab)
        self.updatesLayout.setObjectName(u"updatesLayout")
        self.updateButtons = QHBoxLayout()
        self.updateButtons.setObjectName(u"updateButtons")
        self.newUpdateButton = QPushButton(self.updatesTab)
        self.newUpdateButton.setObjectName(u"newUpdateButton")
        self.newUpdateButton.setAutoDefault(False)

        self.updateButtons.addWidget(self.newUpdateButton)

        self.updateButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.updateButtons.addItem(self.updateButtonsSpacer)


        self.updatesLayout.addLayout(self.updateButtons)

        self.updatesSplitter = QSplitter(self.updatesTab)
        self.updatesSplitter.setObjectName(u"updatesSplitter")
        self.updatesSplitter.setOrientation(Qt.Orientation.Vertical)
        self.updatesSplitter.setChildrenCollapsible(False)
        self.updatesView = QTableView(self.updatesSplitter)
        self.updatesView.setObjectName(u"updatesView")
        self.updatesView.setAlternatingRowColors(True)
        self.updatesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.updatesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.updatesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.updatesView.setWordWrap(False)
        self.updatesSplitter.addWidget(self.updatesView)
        self.updateDetail = QTextBrowser(self.updatesSplitter)
        self.updateDetail.setObjectName(u"updateDetail")
        self.updateDetail.setOpenLinks(False)
        self.updatesSplitter.addWidget(self.updateDetail)

        self.updatesLayout.addWidget(self.updatesSplitter)

        self.tabs.addTab(self.updatesTab, "")
        self.documentsTab = QWidget()
        self.documentsTab.setObjectName(u"documentsTab")
        self.documentsLayout = QVBoxLayout(self.documentsTab)
        self.documentsLayout.setObjectName(u"documentsLayout")
        self.documentsView = QTableView(self.documentsTab)
        self.documentsView.setObjectName(u"documentsView")
        self.documentsView.setAlternatingRowColors(True)
        self.documentsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documentsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documentsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documentsView.setWordWrap(False)

        self.documentsLayout.addWidget(self.documentsView)

        self.documentButtons = QHBoxLayout()
        self.documentButtons.setObjectName(u"documentButtons")
        self.attachButton = QPushButton(self.documentsTab)
        self.attachButton.setObjectName(u"attachButton")
        self.attachButton.setAutoDefault(False)

        self.documentButtons.addWidget(self.attachButton)

        self.openDocumentButton = QPushButton(self.documentsTab)
        self.openDocumentButton.setObjectName(u"openDocumentButton")
        self.openDocumentButton.setAutoDefault(False)

        self.documentButtons.addWidget(self.openDocumentButton)

        self.deleteDocumentButton = QPushButton(self.documentsTab)
        self.deleteDocumentButton.setObjectName(u"deleteDocumentButton")
        self.deleteDocumentButton.setAutoDefault(False)

        self.documentButtons.addWidget(self.deleteDocumentButton)

        self.documentButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.documentButtons.addItem(self.documentButtonsSpacer)


        self.documentsLayout.addLayout(self.documentButtons)

        self.documentsHint = QLabel(self.documentsTab)
        self.documentsHint.setObjectName(u"documentsHint")
        self.documentsHint.setWordWrap(True)

        self.documentsLayout.addWidget(self.documentsHint)

        self.tabs.addTab(self.documentsTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyView = QTableView(self.historyTab)
        self.historyView.setObjectName(u"historyView")
        self.historyView.setAlternatingRowColors(True)
        self.historyView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyView.setWordWrap(False)

        self.historyLayout.addWidget(self.historyView)

        self.tabs.addTab(self.historyTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.messageLabel = QLabel(ActionEditor)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.messageLabel)

        self.bottomButtons = QHBoxLayout()
        self.bottomButtons.setObjectName(u"bottomButtons")
        self.undoButton = QToolButton(ActionEditor)
        self.undoButton.setObjectName(u"undoButton")
        self.undoButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.bottomButtons.addWidget(self.undoButton)

        self.redoButton = QToolButton(ActionEditor)
        self.redoButton.setObjectName(u"redoButton")
        self.redoButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.bottomButtons.addWidget(self.redoButton)

        self.bottomSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomButtons.addItem(self.bottomSpacer)

        self.createButton = QPushButton(ActionEditor)
        self.createButton.setObjectName(u"createButton")
        self.createButton.setAutoDefault(False)

        self.bottomButtons.addWidget(self.createButton)

        self.closeButton = QPushButton(ActionEditor)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.bottomButtons.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.bottomButtons)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.axisLabel.setBuddy(self.axisCombo)
        self.objectiveLabel.setBuddy(self.objectiveCombo)
        self.parentLabel.setBuddy(self.parentCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.priorityLabel.setBuddy(self.priorityCombo)
        self.progressLabel.setBuddy(self.progressSpin)
        self.leadLabel.setBuddy(self.leadCombo)
        self.pilotLabel.setBuddy(self.pilotCombo)
        self.electedLabel.setBuddy(self.electedCombo)
        self.plannedStartLabel.setBuddy(self.plannedStartEdit)
        self.plannedEndLabel.setBuddy(self.plannedEndEdit)
        self.actualEndLabel.setBuddy(self.actualEndEdit)
        self.plannedBudgetLabel.setBuddy(self.plannedBudgetEdit)
        self.budgetBasisLabel.setBuddy(self.budgetBasisCombo)
        self.spentLabel.setBuddy(self.spentEdit)
        self.budgetNatureLabel.setBuddy(self.budgetNatureCombo)
        self.inducedLabel.setBuddy(self.inducedEdit)
        self.jobsLabel.setBuddy(self.jobsSpin)
        self.jobsCreatedLabel.setBuddy(self.jobsCreatedSpin)
        self.achievedInvestmentLabel.setBuddy(self.achievedInvestmentEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.axisCombo)
        QWidget.setTabOrder(self.axisCombo, self.objectiveCombo)
        QWidget.setTabOrder(self.objectiveCombo, self.parentCombo)
        QWidget.setTabOrder(self.parentCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.priorityCombo)
        QWidget.setTabOrder(self.priorityCombo, self.progressSpin)
        QWidget.setTabOrder(self.progressSpin, self.toDiscussCheck)
        QWidget.setTabOrder(self.toDiscussCheck, self.confidentialCheck)
        QWidget.setTabOrder(self.confidentialCheck, self.leadCombo)
        QWidget.setTabOrder(self.leadCombo, self.pilotCombo)
        QWidget.setTabOrder(self.pilotCombo, self.electedCombo)
        QWidget.setTabOrder(self.electedCombo, self.plannedStartEdit)
        QWidget.setTabOrder(self.plannedStartEdit, self.plannedEndEdit)
        QWidget.setTabOrder(self.plannedEndEdit, self.actualEndEdit)
        QWidget.setTabOrder(self.actualEndEdit, self.plannedBudgetEdit)
        QWidget.setTabOrder(self.plannedBudgetEdit, self.budgetBasisCombo)
        QWidget.setTabOrder(self.budgetBasisCombo, self.spentEdit)
        QWidget.setTabOrder(self.spentEdit, self.budgetNatureCombo)
        QWidget.setTabOrder(self.budgetNatureCombo, self.inducedEdit)
        QWidget.setTabOrder(self.inducedEdit, self.jobsSpin)
        QWidget.setTabOrder(self.jobsSpin, self.jobsCreatedSpin)
        QWidget.setTabOrder(self.jobsCreatedSpin, self.achievedInvestmentEdit)
        QWidget.setTabOrder(self.achievedInvestmentEdit, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.resultsEdit)
        QWidget.setTabOrder(self.resultsEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.challengesView)
        QWidget.setTabOrder(self.challengesView, self.partnersView)
        QWidget.setTabOrder(self.partnersView, self.partnerActorCombo)
        QWidget.setTabOrder(self.partnerActorCombo, self.partnerRoleEdit)
        QWidget.setTabOrder(self.partnerRoleEdit, self.addPartnerButton)
        QWidget.setTabOrder(self.addPartnerButton, self.removePartnerButton)

        self.retranslateUi(ActionEditor)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ActionEditor)
    # setupUi

    def retranslateUi(self, ActionEditor):
        ActionEditor.setWindowTitle(QCoreApplication.translate("ActionEditor", u"Fiche-action", None))
        self.identityGroup.setTitle(QCoreApplication.translate("ActionEditor", u"Identification", None))
        self.codeLabel.setText(QCoreApplication.translate("ActionEditor", u"Code", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"ex. INN-04", None))
        self.titleLabel.setText(QCoreApplication.translate("ActionEditor", u"Titre", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"Intitul\u00e9 de la fiche-action", None))
        self.axisLabel.setText(QCoreApplication.translate("ActionEditor", u"Axe", None))
        self.objectiveLabel.setText(QCoreApplication.translate("ActionEditor", u"Objectif", None))
        self.parentLabel.setText(QCoreApplication.translate("ActionEditor", u"Action parente", None))
        self.statusLabel.setText(QCoreApplication.translate("ActionEditor", u"Statut", None))
        self.priorityLabel.setText(QCoreApplication.translate("ActionEditor", u"Priorit\u00e9", None))
        self.progressLabel.setText(QCoreApplication.translate("ActionEditor", u"Avancement", None))
        self.flagsLabel.setText(QCoreApplication.translate("ActionEditor", u"Suivi", None))
        self.toDiscussCheck.setText(QCoreApplication.translate("ActionEditor", u"\u00c0 discuter en comit\u00e9", None))
        self.confidentialCheck.setText(QCoreApplication.translate("ActionEditor", u"Confidentielle (hors rapport R\u00e9gion)", None))
        self.actorsGroup.setTitle(QCoreApplication.translate("ActionEditor", u"Acteurs", None))
        self.leadLabel.setText(QCoreApplication.translate("ActionEditor", u"Porteur", None))
        self.pilotLabel.setText(QCoreApplication.translate("ActionEditor", u"Pilote", None))
        self.electedLabel.setText(QCoreApplication.translate("ActionEditor", u"\u00c9lu r\u00e9f\u00e9rent", None))
        self.calendarGroup.setTitle(QCoreApplication.translate("ActionEditor", u"Calendrier", None))
        self.plannedStartLabel.setText(QCoreApplication.translate("ActionEditor", u"D\u00e9but pr\u00e9vu", None))
        self.plannedStartEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"jj/mm/aaaa", None))
        self.plannedEndLabel.setText(QCoreApplication.translate("ActionEditor", u"Fin pr\u00e9vue", None))
        self.plannedEndEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"jj/mm/aaaa", None))
        self.actualEndLabel.setText(QCoreApplication.translate("ActionEditor", u"Fin r\u00e9elle", None))
        self.actualEndEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"jj/mm/aaaa", None))
        self.budgetGroup.setTitle(QCoreApplication.translate("ActionEditor", u"Budget et retomb\u00e9es", None))
        self.plannedBudgetLabel.setText(QCoreApplication.translate("ActionEditor", u"Budget pr\u00e9visionnel (\u20ac)", None))
        self.plannedBudgetEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"ex. 1 250 000,50", None))
        self.budgetBasisLabel.setText(QCoreApplication.translate("ActionEditor", u"Base du budget", None))
#if QT_CONFIG(tooltip)
        self.budgetBasisCombo.setToolTip(QCoreApplication.translate("ActionEditor", u"Ce que comprend le budget : HT (hors taxes) ou TTC (toutes taxes comprises). Les montants ne sont jamais convertis.", None))
#endif // QT_CONFIG(tooltip)
        self.spentLabel.setText(QCoreApplication.translate("ActionEditor", u"D\u00e9pens\u00e9 \u00e0 date", None))
        self.spentEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"ex. 1 250 000,50", None))
        self.budgetNatureLabel.setText(QCoreApplication.translate("ActionEditor", u"Nature du budget", None))
        self.inducedLabel.setText(QCoreApplication.translate("ActionEditor", u"Investissement induit", None))
        self.inducedEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"ex. 1 250 000,50", None))
        self.jobsLabel.setText(QCoreApplication.translate("ActionEditor", u"Emplois vis\u00e9s", None))
        self.jobsSpin.setSpecialValueText(QCoreApplication.translate("ActionEditor", u"non renseign\u00e9", None))
        self.jobsCreatedLabel.setText(QCoreApplication.translate("ActionEditor", u"Emplois cr\u00e9\u00e9s (constat\u00e9s)", None))
        self.jobsCreatedSpin.setSpecialValueText(QCoreApplication.translate("ActionEditor", u"non renseign\u00e9", None))
        self.achievedInvestmentLabel.setText(QCoreApplication.translate("ActionEditor", u"Investissement r\u00e9alis\u00e9 (\u20ac)", None))
        self.achievedInvestmentEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"ex. 1 250 000,50", None))
        self.descriptionGroup.setTitle(QCoreApplication.translate("ActionEditor", u"Description", None))
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"Contexte, contenu de l'action, modalit\u00e9s de mise en \u0153uvre\u2026", None))
        self.resultsGroup.setTitle(QCoreApplication.translate("ActionEditor", u"R\u00e9sultats attendus", None))
        self.resultsEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"Ce que l'action doit produire, chiffr\u00e9 si possible", None))
        self.notesGroup.setTitle(QCoreApplication.translate("ActionEditor", u"Notes", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"Remarques, pr\u00e9cisions, ce que le fichier import\u00e9 disait de plus\u2026", None))
        self.challengesGroup.setTitle(QCoreApplication.translate("ActionEditor", u"Enjeux auxquels l'action r\u00e9pond", None))
        self.partnersGroup.setTitle(QCoreApplication.translate("ActionEditor", u"Partenaires", None))
        self.partnerRoleEdit.setPlaceholderText(QCoreApplication.translate("ActionEditor", u"R\u00f4le (ex. cofinanceur, expertise)", None))
        self.addPartnerButton.setText(QCoreApplication.translate("ActionEditor", u"Ajouter", None))
        self.removePartnerButton.setText(QCoreApplication.translate("ActionEditor", u"Retirer", None))
        self.tabs.setTabText(self.tabs.indexOf(self.generalTab), QCoreApplication.translate("ActionEditor", u"G\u00e9n\u00e9ral", None))
#if QT_CONFIG(accessibility)
        self.fundingView.setAccessibleName(QCoreApplication.translate("ActionEditor", u"Lignes de financement", None))
#endif // QT_CONFIG(accessibility)
        self.addFundingButton.setText(QCoreApplication.translate("ActionEditor", u"Ajouter\u2026", None))
        self.editFundingButton.setText(QCoreApplication.translate("ActionEditor", u"Modifier\u2026", None))
        self.deleteFundingButton.setText(QCoreApplication.translate("ActionEditor", u"Supprimer", None))
        self.fundingTotalsGroup.setTitle(QCoreApplication.translate("ActionEditor", u"Plan de financement", None))
        self.requestedCaption.setText(QCoreApplication.translate("ActionEditor", u"Demand\u00e9 (d\u00e9pos\u00e9, accord\u00e9 ou vers\u00e9)", None))
        self.requestedValue.setText(QCoreApplication.translate("ActionEditor", u"\u2014", None))
        self.grantedCaption.setText(QCoreApplication.translate("ActionEditor", u"Acquis (accord\u00e9 ou vers\u00e9)", None))
        self.grantedValue.setText(QCoreApplication.translate("ActionEditor", u"\u2014", None))
        self.paidCaption.setText(QCoreApplication.translate("ActionEditor", u"Vers\u00e9", None))
        self.paidValue.setText(QCoreApplication.translate("ActionEditor", u"\u2014", None))
        self.coverageCaption.setText(QCoreApplication.translate("ActionEditor", u"Couverture du budget pr\u00e9visionnel", None))
        self.coverageValue.setText(QCoreApplication.translate("ActionEditor", u"\u2014", None))
        self.tabs.setTabText(self.tabs.indexOf(self.fundingTab), QCoreApplication.translate("ActionEditor", u"Financement", None))
#if QT_CONFIG(accessibility)
        self.milestonesView.setAccessibleName(QCoreApplication.translate("ActionEditor", u"Jalons", None))
#endif // QT_CONFIG(accessibility)
        self.addMilestoneButton.setText(QCoreApplication.translate("ActionEditor", u"Ajouter\u2026", None))
        self.editMilestoneButton.setText(QCoreApplication.translate("ActionEditor", u"Modifier\u2026", None))
        self.markDoneButton.setText(QCoreApplication.translate("ActionEditor", u"Marquer comme atteint aujourd'hui", None))
        self.deleteMilestoneButton.setText(QCoreApplication.translate("ActionEditor", u"Supprimer", None))
        self.tabs.setTabText(self.tabs.indexOf(self.milestonesTab), QCoreApplication.translate("ActionEditor", u"Jalons", None))
#if QT_CONFIG(accessibility)
        self.indicatorsView.setAccessibleName(QCoreApplication.translate("ActionEditor", u"Indicateurs", None))
#endif // QT_CONFIG(accessibility)
        self.addIndicatorButton.setText(QCoreApplication.translate("ActionEditor", u"Nouvel indicateur\u2026", None))
        self.valuesCaption.setText(QCoreApplication.translate("ActionEditor", u"Mesures de l'indicateur s\u00e9lectionn\u00e9", None))
#if QT_CONFIG(accessibility)
        self.valuesView.setAccessibleName(QCoreApplication.translate("ActionEditor", u"Valeurs de l'indicateur", None))
#endif // QT_CONFIG(accessibility)
        self.addValueButton.setText(QCoreApplication.translate("ActionEditor", u"Ajouter une mesure\u2026", None))
        self.deleteValueButton.setText(QCoreApplication.translate("ActionEditor", u"Supprimer la mesure", None))
        self.tabs.setTabText(self.tabs.indexOf(self.indicatorsTab), QCoreApplication.translate("ActionEditor", u"Indicateurs", None))
        self.newUpdateButton.setText(QCoreApplication.translate("ActionEditor", u"Nouveau point d'avancement\u2026", None))
#if QT_CONFIG(accessibility)
        self.updatesView.setAccessibleName(QCoreApplication.translate("ActionEditor", u"Points d'avancement", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.updateDetail.setAccessibleName(QCoreApplication.translate("ActionEditor", u"D\u00e9tail du point d'avancement", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.updatesTab), QCoreApplication.translate("ActionEditor", u"Suivi", None))
#if QT_CONFIG(accessibility)
        self.documentsView.setAccessibleName(QCoreApplication.translate("ActionEditor", u"Documents", None))
#endif // QT_CONFIG(accessibility)
        self.attachButton.setText(QCoreApplication.translate("ActionEditor", u"Joindre un fichier\u2026", None))
        self.openDocumentButton.setText(QCoreApplication.translate("ActionEditor", u"Ouvrir", None))
        self.deleteDocumentButton.setText(QCoreApplication.translate("ActionEditor", u"Supprimer", None))
        self.documentsHint.setText(QCoreApplication.translate("ActionEditor", u"Les fichiers joints sont copi\u00e9s dans le dossier des donn\u00e9es de TI Desktop : l'original peut \u00eatre d\u00e9plac\u00e9 ou supprim\u00e9 sans perte.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.documentsTab), QCoreApplication.translate("ActionEditor", u"Documents", None))
#if QT_CONFIG(accessibility)
        self.historyView.setAccessibleName(QCoreApplication.translate("ActionEditor", u"Historique des modifications", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("ActionEditor", u"Historique", None))
        self.createButton.setText(QCoreApplication.translate("ActionEditor", u"Cr\u00e9er la fiche", None))
        self.closeButton.setText(QCoreApplication.translate("ActionEditor", u"Fermer", None))
    # retranslateUi

