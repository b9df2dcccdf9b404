# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'list_size_form.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ListSizeForm(object):
    def setupUi(self, ListSizeForm):
        if not ListSizeForm.objectName():
            ListSizeForm.setObjectName(u"ListSizeForm")
        ListSizeForm.resize(380, 200)
        self.dialog_layout = QVBoxLayout(ListSizeForm)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.as_of_label = QLabel(ListSizeForm)
        self.as_of_label.setObjectName(u"as_of_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.as_of_label)

        self.as_of_edit = QDateEdit(ListSizeForm)
        self.as_of_edit.setObjectName(u"as_of_edit")
        self.as_of_edit.setCalendarPopup(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.as_of_edit)

        self.registered_label = QLabel(ListSizeForm)
        self.registered_label.setObjectName(u"registered_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.registered_label)

        self.registered_edit = QLineEdit(ListSizeForm)
        self.registered_edit.setObjectName(u"registered_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.registered_edit)

        self.registered_error = QLabel(ListSizeForm)
        self.registered_error.setObjectName(u"registered_error")
        self.registered_error.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.registered_error)

        self.weighted_label = QLabel(ListSizeForm)
        self.weighted_label.setObjectName(u"weighted_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.weighted_label)

        self.weighted_edit = QLineEdit(ListSizeForm)
        self.weighted_edit.setObjectName(u"weighted_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.weighted_edit)

        self.weighted_error = QLabel(ListSizeForm)
        self.weighted_error.setObjectName(u"weighted_error")
        self.weighted_error.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.weighted_error)


        self.dialog_layout.addLayout(self.form_layout)

        self.button_box = QDialogButtonBox(ListSizeForm)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.as_of_label.setBuddy(self.as_of_edit)
        self.registered_label.setBuddy(self.registered_edit)
        self.weighted_label.setBuddy(self.weighted_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.as_of_edit, self.registered_edit)
        QWidget.setTabOrder(self.registered_edit, self.weighted_edit)

        self.retranslateUi(ListSizeForm)

        QMetaObject.connectSlotsByName(ListSizeForm)
    # setupUi

    def retranslateUi(self, ListSizeForm):
        ListSizeForm.setWindowTitle(QCoreApplication.translate("ListSizeForm", u"Record list size", None))
        self.as_of_label.setText(QCoreApplication.translate("ListSizeForm", u"&As at:", None))
        self.registered_label.setText(QCoreApplication.translate("ListSizeForm", u"&Registered patients:", None))
        self.weighted_label.setText(QCoreApplication.translate("ListSizeForm", u"&Weighted patients:", None))
    # retranslateUi

