# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'practice_register.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_PracticeRegisterForm(object):
    def setupUi(self, PracticeRegisterForm):
        if not PracticeRegisterForm.objectName():
            PracticeRegisterForm.setObjectName(u"PracticeRegisterForm")
        PracticeRegisterForm.resize(900, 600)
        self.page_layout = QVBoxLayout(PracticeRegisterForm)
        self.page_layout.setObjectName(u"page_layout")
        self.title_layout = QHBoxLayout()
        self.title_layout.setObjectName(u"title_layout")
        self.title_label = QLabel(PracticeRegisterForm)
        self.title_label.setObjectName(u"title_label")

        self.title_layout.addWidget(self.title_label)

        self.title_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.title_layout.addItem(self.title_spacer)

        self.new_practice_button = QPushButton(PracticeRegisterForm)
        self.new_practice_button.setObjectName(u"new_practice_button")

        self.title_layout.addWidget(self.new_practice_button)


        self.page_layout.addLayout(self.title_layout)

        self.filter_layout = QHBoxLayout()
        self.filter_layout.setObjectName(u"filter_layout")
        self.search_edit = QLineEdit(PracticeRegisterForm)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.filter_layout.addWidget(self.search_edit)

        self.contract_type_label = QLabel(PracticeRegisterForm)
        self.contract_type_label.setObjectName(u"contract_type_label")

        self.filter_layout.addWidget(self.contract_type_label)

        self.contract_type_combo = QComboBox(PracticeRegisterForm)
        self.contract_type_combo.setObjectName(u"contract_type_combo")

        self.filter_layout.addWidget(self.contract_type_combo)

        self.status_label = QLabel(PracticeRegisterForm)
        self.status_label.setObjectName(u"status_label")

        self.filter_layout.addWidget(self.status_label)

        self.status_combo = QComboBox(PracticeRegisterForm)
        self.status_combo.setObjectName(u"status_combo")

        self.filter_layout.addWidget(self.status_combo)

        self.locality_label = QLabel(PracticeRegisterForm)
        self.locality_label.setObjectName(u"locality_label")

        self.filter_layout.addWidget(self.locality_label)

        self.locality_combo = QComboBox(PracticeRegisterForm)
        self.locality_combo.setObjectName(u"locality_combo")
        self.locality_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.locality_combo.setMinimumContentsLength(12)

        self.filter_layout.addWidget(self.locality_combo)


        self.page_layout.addLayout(self.filter_layout)

        self.practice_table = QTableView(PracticeRegisterForm)
        self.practice_table.setObjectName(u"practice_table")
        self.practice_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.practice_table.setAlternatingRowColors(True)
        self.practice_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.practice_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.practice_table.setSortingEnabled(True)
        self.practice_table.setWordWrap(False)
        self.practice_table.verticalHeader().setVisible(False)

        self.page_layout.addWidget(self.practice_table)

        self.count_label = QLabel(PracticeRegisterForm)
        self.count_label.setObjectName(u"count_label")

        self.page_layout.addWidget(self.count_label)

#if QT_CONFIG(shortcut)
        self.contract_type_label.setBuddy(self.contract_type_combo)
        self.status_label.setBuddy(self.status_combo)
        self.locality_label.setBuddy(self.locality_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.new_practice_button, self.search_edit)
        QWidget.setTabOrder(self.search_edit, self.contract_type_combo)
        QWidget.setTabOrder(self.contract_type_combo, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.locality_combo)
        QWidget.setTabOrder(self.locality_combo, self.practice_table)

        self.retranslateUi(PracticeRegisterForm)

        QMetaObject.connectSlotsByName(PracticeRegisterForm)
    # setupUi

    def retranslateUi(self, PracticeRegisterForm):
        self.title_label.setText(QCoreApplication.translate("PracticeRegisterForm", u"Practices", None))
        self.new_practice_button.setText(QCoreApplication.translate("PracticeRegisterForm", u"&New practice\u2026", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("PracticeRegisterForm", u"Search code, name, postcode or locality", None))
        self.contract_type_label.setText(QCoreApplication.translate("PracticeRegisterForm", u"&Contract:", None))
        self.status_label.setText(QCoreApplication.translate("PracticeRegisterForm", u"S&tatus:", None))
        self.locality_label.setText(QCoreApplication.translate("PracticeRegisterForm", u"&Locality:", None))
        self.count_label.setText(QCoreApplication.translate("PracticeRegisterForm", u"Showing 0 of 0 practices", None))
        pass
    # retranslateUi

