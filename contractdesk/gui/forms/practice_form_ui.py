# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'practice_form.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
    QDateEdit, QDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_PracticeForm(object):
    def setupUi(self, PracticeForm):
        if not PracticeForm.objectName():
            PracticeForm.setObjectName(u"PracticeForm")
        PracticeForm.resize(820, 600)
        self.dialog_layout = QVBoxLayout(PracticeForm)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.heading_label = QLabel(PracticeForm)
        self.heading_label.setObjectName(u"heading_label")

        self.dialog_layout.addWidget(self.heading_label)

        self.tabs = QTabWidget(PracticeForm)
        self.tabs.setObjectName(u"tabs")
        self.details_tab = QWidget()
        self.details_tab.setObjectName(u"details_tab")
        self.details_layout = QHBoxLayout(self.details_tab)
        self.details_layout.setObjectName(u"details_layout")
        self.practice_group = QGroupBox(self.details_tab)
        self.practice_group.setObjectName(u"practice_group")
        self.practice_form_layout = QFormLayout(self.practice_group)
        self.practice_form_layout.setObjectName(u"practice_form_layout")
        self.practice_form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.ods_code_label = QLabel(self.practice_group)
        self.ods_code_label.setObjectName(u"ods_code_label")

        self.practice_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ods_code_label)

        self.ods_code_edit = QLineEdit(self.practice_group)
        self.ods_code_edit.setObjectName(u"ods_code_edit")
        self.ods_code_edit.setMaxLength(6)

        self.practice_form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ods_code_edit)

        self.ods_code_error = QLabel(self.practice_group)
        self.ods_code_error.setObjectName(u"ods_code_error")
        self.ods_code_error.setWordWrap(True)

        self.practice_form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ods_code_error)

        self.name_label = QLabel(self.practice_group)
        self.name_label.setObjectName(u"name_label")

        self.practice_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.practice_group)
        self.name_edit.setObjectName(u"name_edit")

        self.practice_form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.name_error = QLabel(self.practice_group)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setWordWrap(True)

        self.practice_form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.address_label = QLabel(self.practice_group)
        self.address_label.setObjectName(u"address_label")

        self.practice_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_line1_edit = QLineEdit(self.practice_group)
        self.address_line1_edit.setObjectName(u"address_line1_edit")

        self.practice_form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.address_line1_edit)

        self.address_line2_edit = QLineEdit(self.practice_group)
        self.address_line2_edit.setObjectName(u"address_line2_edit")

        self.practice_form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.address_line2_edit)

        self.address_line3_edit = QLineEdit(self.practice_group)
        self.address_line3_edit.setObjectName(u"address_line3_edit")

        self.practice_form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.address_line3_edit)

        self.address_line4_edit = QLineEdit(self.practice_group)
        self.address_line4_edit.setObjectName(u"address_line4_edit")

        self.practice_form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.address_line4_edit)

        self.address_line5_edit = QLineEdit(self.practice_group)
        self.address_line5_edit.setObjectName(u"address_line5_edit")

        self.practice_form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.address_line5_edit)

        self.postcode_label = QLabel(self.practice_group)
        self.postcode_label.setObjectName(u"postcode_label")

        self.practice_form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.postcode_label)

        self.postcode_edit = QLineEdit(self.practice_group)
        self.postcode_edit.setObjectName(u"postcode_edit")
        self.postcode_edit.setMaxLength(10)

        self.practice_form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.postcode_edit)

        self.postcode_error = QLabel(self.practice_group)
        self.postcode_error.setObjectName(u"postcode_error")
        self.postcode_error.setWordWrap(True)

        self.practice_form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.postcode_error)

        self.phone_label = QLabel(self.practice_group)
        self.phone_label.setObjectName(u"phone_label")

        self.practice_form_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_edit = QLineEdit(self.practice_group)
        self.phone_edit.setObjectName(u"phone_edit")

        self.practice_form_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.phone_error = QLabel(self.practice_group)
        self.phone_error.setObjectName(u"phone_error")
        self.phone_error.setWordWrap(True)

        self.practice_form_layout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.phone_error)

        self.lead_contact_label = QLabel(self.practice_group)
        self.lead_contact_label.setObjectName(u"lead_contact_label")

        self.practice_form_layout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.lead_contact_label)

        self.lead_contact_edit = QLineEdit(self.practice_group)
        self.lead_contact_edit.setObjectName(u"lead_contact_edit")

        self.practice_form_layout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.lead_contact_edit)

        self.lead_contact_role_label = QLabel(self.practice_group)
        self.lead_contact_role_label.setObjectName(u"lead_contact_role_label")

        self.practice_form_layout.setWidget(14, QFormLayout.ItemRole.LabelRole, self.lead_contact_role_label)

        self.lead_contact_role_edit = QLineEdit(self.practice_group)
        self.lead_contact_role_edit.setObjectName(u"lead_contact_role_edit")

        self.practice_form_layout.setWidget(14, QFormLayout.ItemRole.FieldRole, self.lead_contact_role_edit)

        self.email_label = QLabel(self.practice_group)
        self.email_label.setObjectName(u"email_label")

        self.practice_form_layout.setWidget(15, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_edit = QLineEdit(self.practice_group)
        self.email_edit.setObjectName(u"email_edit")

        self.practice_form_layout.setWidget(15, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.email_error = QLabel(self.practice_group)
        self.email_error.setObjectName(u"email_error")
        self.email_error.setWordWrap(True)

        self.practice_form_layout.setWidget(16, QFormLayout.ItemRole.FieldRole, self.email_error)


        self.details_layout.addWidget(self.practice_group)

        self.contract_group = QGroupBox(self.details_tab)
        self.contract_group.setObjectName(u"contract_group")
        self.contract_form_layout = QFormLayout(self.contract_group)
        self.contract_form_layout.setObjectName(u"contract_form_layout")
        self.contract_form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status_label = QLabel(self.contract_group)
        self.status_label.setObjectName(u"status_label")

        self.contract_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_combo = QComboBox(self.contract_group)
        self.status_combo.setObjectName(u"status_combo")

        self.contract_form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.status_combo)

        self.open_date_check = QCheckBox(self.contract_group)
        self.open_date_check.setObjectName(u"open_date_check")

        self.contract_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.open_date_check)

        self.open_date_edit = QDateEdit(self.contract_group)
        self.open_date_edit.setObjectName(u"open_date_edit")
        self.open_date_edit.setCalendarPopup(True)

        self.contract_form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.open_date_edit)

        self.close_date_check = QCheckBox(self.contract_group)
        self.close_date_check.setObjectName(u"close_date_check")

        self.contract_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.close_date_check)

        self.close_date_edit = QDateEdit(self.contract_group)
        self.close_date_edit.setObjectName(u"close_date_edit")
        self.close_date_edit.setCalendarPopup(True)

        self.contract_form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.close_date_edit)

        self.close_date_error = QLabel(self.contract_group)
        self.close_date_error.setObjectName(u"close_date_error")
        self.close_date_error.setWordWrap(True)

        self.contract_form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.close_date_error)

        self.contract_type_label = QLabel(self.contract_group)
        self.contract_type_label.setObjectName(u"contract_type_label")

        self.contract_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.contract_type_label)

        self.contract_type_combo = QComboBox(self.contract_group)
        self.contract_type_combo.setObjectName(u"contract_type_combo")

        self.contract_form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.contract_type_combo)

        self.contract_reference_label = QLabel(self.contract_group)
        self.contract_reference_label.setObjectName(u"contract_reference_label")

        self.contract_form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.contract_reference_label)

        self.contract_reference_edit = QLineEdit(self.contract_group)
        self.contract_reference_edit.setObjectName(u"contract_reference_edit")

        self.contract_form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.contract_reference_edit)

        self.contract_start_check = QCheckBox(self.contract_group)
        self.contract_start_check.setObjectName(u"contract_start_check")

        self.contract_form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.contract_start_check)

        self.contract_start_edit = QDateEdit(self.contract_group)
        self.contract_start_edit.setObjectName(u"contract_start_edit")
        self.contract_start_edit.setCalendarPopup(True)

        self.contract_form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.contract_start_edit)

        self.contract_end_check = QCheckBox(self.contract_group)
        self.contract_end_check.setObjectName(u"contract_end_check")

        self.contract_form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.contract_end_check)

        self.contract_end_edit = QDateEdit(self.contract_group)
        self.contract_end_edit.setObjectName(u"contract_end_edit")
        self.contract_end_edit.setCalendarPopup(True)

        self.contract_form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.contract_end_edit)

        self.contract_end_error = QLabel(self.contract_group)
        self.contract_end_error.setObjectName(u"contract_end_error")
        self.contract_end_error.setWordWrap(True)

        self.contract_form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.contract_end_error)

        self.dispensing_check = QCheckBox(self.contract_group)
        self.dispensing_check.setObjectName(u"dispensing_check")

        self.contract_form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.dispensing_check)

        self.area_label = QLabel(self.contract_group)
        self.area_label.setObjectName(u"area_label")

        self.contract_form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.area_label)

        self.area_value_label = QLabel(self.contract_group)
        self.area_value_label.setObjectName(u"area_value_label")
        self.area_value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contract_form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.area_value_label)

        self.locality_label = QLabel(self.contract_group)
        self.locality_label.setObjectName(u"locality_label")

        self.contract_form_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.locality_label)

        self.locality_value_label = QLabel(self.contract_group)
        self.locality_value_label.setObjectName(u"locality_value_label")
        self.locality_value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contract_form_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.locality_value_label)


        self.details_layout.addWidget(self.contract_group)

        self.tabs.addTab(self.details_tab, "")
        self.list_sizes_tab = QWidget()
        self.list_sizes_tab.setObjectName(u"list_sizes_tab")
        self.list_sizes_layout = QVBoxLayout(self.list_sizes_tab)
        self.list_sizes_layout.setObjectName(u"list_sizes_layout")
        self.list_size_table = QTableView(self.list_sizes_tab)
        self.list_size_table.setObjectName(u"list_size_table")
        self.list_size_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_size_table.setAlternatingRowColors(True)
        self.list_size_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_size_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_size_table.setWordWrap(False)
        self.list_size_table.horizontalHeader().setStretchLastSection(True)
        self.list_size_table.verticalHeader().setVisible(False)

        self.list_sizes_layout.addWidget(self.list_size_table)

        self.list_size_actions_layout = QHBoxLayout()
        self.list_size_actions_layout.setObjectName(u"list_size_actions_layout")
        self.list_size_note_label = QLabel(self.list_sizes_tab)
        self.list_size_note_label.setObjectName(u"list_size_note_label")

        self.list_size_actions_layout.addWidget(self.list_size_note_label)

        self.list_size_actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.list_size_actions_layout.addItem(self.list_size_actions_spacer)

        self.record_list_size_button = QPushButton(self.list_sizes_tab)
        self.record_list_size_button.setObjectName(u"record_list_size_button")

        self.list_size_actions_layout.addWidget(self.record_list_size_button)


        self.list_sizes_layout.addLayout(self.list_size_actions_layout)

        self.tabs.addTab(self.list_sizes_tab, "")
        self.history_tab = QWidget()
        self.history_tab.setObjectName(u"history_tab")
        self.history_layout = QVBoxLayout(self.history_tab)
        self.history_layout.setObjectName(u"history_layout")
        self.history_splitter = QSplitter(self.history_tab)
        self.history_splitter.setObjectName(u"history_splitter")
        self.history_splitter.setOrientation(Qt.Orientation.Vertical)
        self.history_splitter.setChildrenCollapsible(False)
        self.history_table = QTableView(self.history_splitter)
        self.history_table.setObjectName(u"history_table")
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setAlternatingRowColors(True)
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setWordWrap(False)
        self.history_splitter.addWidget(self.history_table)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_table.verticalHeader().setVisible(False)
        self.change_table = QTableView(self.history_splitter)
        self.change_table.setObjectName(u"change_table")
        self.change_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.change_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.change_table.setWordWrap(False)
        self.history_splitter.addWidget(self.change_table)
        self.change_table.horizontalHeader().setStretchLastSection(True)
        self.change_table.verticalHeader().setVisible(False)

        self.history_layout.addWidget(self.history_splitter)

        self.tabs.addTab(self.history_tab, "")

        self.dialog_layout.addWidget(self.tabs)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.state_label = QLabel(PracticeForm)
        self.state_label.setObjectName(u"state_label")

        self.button_layout.addWidget(self.state_label)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.save_button = QPushButton(PracticeForm)
        self.save_button.setObjectName(u"save_button")

        self.button_layout.addWidget(self.save_button)

        self.close_button = QPushButton(PracticeForm)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.button_layout.addWidget(self.close_button)


        self.dialog_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.ods_code_label.setBuddy(self.ods_code_edit)
        self.name_label.setBuddy(self.name_edit)
        self.address_label.setBuddy(self.address_line1_edit)
        self.postcode_label.setBuddy(self.postcode_edit)
        self.phone_label.setBuddy(self.phone_edit)
        self.lead_contact_label.setBuddy(self.lead_contact_edit)
        self.lead_contact_role_label.setBuddy(self.lead_contact_role_edit)
        self.email_label.setBuddy(self.email_edit)
        self.status_label.setBuddy(self.status_combo)
        self.contract_type_label.setBuddy(self.contract_type_combo)
        self.contract_reference_label.setBuddy(self.contract_reference_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.ods_code_edit)
        QWidget.setTabOrder(self.ods_code_edit, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.address_line1_edit)
        QWidget.setTabOrder(self.address_line1_edit, self.address_line2_edit)
        QWidget.setTabOrder(self.address_line2_edit, self.address_line3_edit)
        QWidget.setTabOrder(self.address_line3_edit, self.address_line4_edit)
        QWidget.setTabOrder(self.address_line4_edit, self.address_line5_edit)
        QWidget.setTabOrder(self.address_line5_edit, self.postcode_edit)
        QWidget.setTabOrder(self.postcode_edit, self.phone_edit)
        QWidget.setTabOrder(self.phone_edit, self.lead_contact_edit)
        QWidget.setTabOrder(self.lead_contact_edit, self.lead_contact_role_edit)
        QWidget.setTabOrder(self.lead_contact_role_edit, self.email_edit)
        QWidget.setTabOrder(self.email_edit, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.open_date_check)
        QWidget.setTabOrder(self.open_date_check, self.open_date_edit)
        QWidget.setTabOrder(self.open_date_edit, self.close_date_check)
        QWidget.setTabOrder(self.close_date_check, self.close_date_edit)
        QWidget.setTabOrder(self.close_date_edit, self.contract_type_combo)
        QWidget.setTabOrder(self.contract_type_combo, self.contract_reference_edit)
        QWidget.setTabOrder(self.contract_reference_edit, self.contract_start_check)
        QWidget.setTabOrder(self.contract_start_check, self.contract_start_edit)
        QWidget.setTabOrder(self.contract_start_edit, self.contract_end_check)
        QWidget.setTabOrder(self.contract_end_check, self.contract_end_edit)
        QWidget.setTabOrder(self.contract_end_edit, self.dispensing_check)
        QWidget.setTabOrder(self.dispensing_check, self.list_size_table)
        QWidget.setTabOrder(self.list_size_table, self.record_list_size_button)
        QWidget.setTabOrder(self.record_list_size_button, self.history_table)
        QWidget.setTabOrder(self.history_table, self.change_table)
        QWidget.setTabOrder(self.change_table, self.save_button)
        QWidget.setTabOrder(self.save_button, self.close_button)

        self.retranslateUi(PracticeForm)

        self.tabs.setCurrentIndex(0)
        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(PracticeForm)
    # setupUi

    def retranslateUi(self, PracticeForm):
        PracticeForm.setWindowTitle(QCoreApplication.translate("PracticeForm", u"Practice", None))
        self.heading_label.setText(QCoreApplication.translate("PracticeForm", u"New practice", None))
        self.practice_group.setTitle(QCoreApplication.translate("PracticeForm", u"Practice", None))
        self.ods_code_label.setText(QCoreApplication.translate("PracticeForm", u"&ODS code:", None))
        self.ods_code_edit.setPlaceholderText(QCoreApplication.translate("PracticeForm", u"e.g. C87001", None))
        self.name_label.setText(QCoreApplication.translate("PracticeForm", u"&Name:", None))
        self.address_label.setText(QCoreApplication.translate("PracticeForm", u"&Address:", None))
        self.postcode_label.setText(QCoreApplication.translate("PracticeForm", u"&Postcode:", None))
        self.phone_label.setText(QCoreApplication.translate("PracticeForm", u"P&hone:", None))
        self.lead_contact_label.setText(QCoreApplication.translate("PracticeForm", u"Lead &contact:", None))
#if QT_CONFIG(tooltip)
        self.lead_contact_edit.setToolTip(QCoreApplication.translate("PracticeForm", u"Whom the practice's letters are addressed to; when blank, The Practice Manager", None))
#endif // QT_CONFIG(tooltip)
        self.lead_contact_edit.setPlaceholderText(QCoreApplication.translate("PracticeForm", u"e.g. Dr Asha Patel", None))
        self.lead_contact_role_label.setText(QCoreApplication.translate("PracticeForm", u"Their role (&job title):", None))
        self.lead_contact_role_edit.setPlaceholderText(QCoreApplication.translate("PracticeForm", u"e.g. Practice Manager", None))
        self.email_label.setText(QCoreApplication.translate("PracticeForm", u"&Work email:", None))
        self.email_edit.setPlaceholderText(QCoreApplication.translate("PracticeForm", u"name@nhs.net", None))
        self.contract_group.setTitle(QCoreApplication.translate("PracticeForm", u"Status and contract", None))
        self.status_label.setText(QCoreApplication.translate("PracticeForm", u"S&tatus:", None))
        self.open_date_check.setText(QCoreApplication.translate("PracticeForm", u"O&pened:", None))
        self.close_date_check.setText(QCoreApplication.translate("PracticeForm", u"C&losed:", None))
        self.contract_type_label.setText(QCoreApplication.translate("PracticeForm", u"Contract t&ype:", None))
        self.contract_reference_label.setText(QCoreApplication.translate("PracticeForm", u"Contract &reference:", None))
        self.contract_start_check.setText(QCoreApplication.translate("PracticeForm", u"Contract &start:", None))
        self.contract_end_check.setText(QCoreApplication.translate("PracticeForm", u"Contract &end:", None))
        self.dispensing_check.setText(QCoreApplication.translate("PracticeForm", u"D&ispensing practice", None))
        self.area_label.setText(QCoreApplication.translate("PracticeForm", u"Commissioner:", None))
        self.locality_label.setText(QCoreApplication.translate("PracticeForm", u"Locality/PCN:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.details_tab), QCoreApplication.translate("PracticeForm", u"&Details", None))
        self.list_size_note_label.setText(QCoreApplication.translate("PracticeForm", u"Newest first: figures from imported NHS files and those recorded by hand.", None))
        self.record_list_size_button.setText(QCoreApplication.translate("PracticeForm", u"&Record list size\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.list_sizes_tab), QCoreApplication.translate("PracticeForm", u"&List sizes", None))
        self.tabs.setTabText(self.tabs.indexOf(self.history_tab), QCoreApplication.translate("PracticeForm", u"&History", None))
        self.save_button.setText(QCoreApplication.translate("PracticeForm", u"&Save", None))
        self.close_button.setText(QCoreApplication.translate("PracticeForm", u"Close", None))
    # retranslateUi

