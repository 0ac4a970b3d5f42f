# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'figure_tile.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_FigureTile(object):
    def setupUi(self, FigureTile):
        if not FigureTile.objectName():
            FigureTile.setObjectName(u"FigureTile")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(FigureTile.sizePolicy().hasHeightForWidth())
        FigureTile.setSizePolicy(sizePolicy)
        self.tileLayout = QVBoxLayout(FigureTile)
        self.tileLayout.setSpacing(2)
        self.tileLayout.setObjectName(u"tileLayout")
        self.tileLayout.setContentsMargins(14, 10, 12, 10)
        self.valueLabel = QLabel(FigureTile)
        self.valueLabel.setObjectName(u"valueLabel")

        self.tileLayout.addWidget(self.valueLabel)

        self.captionLabel = QLabel(FigureTile)
        self.captionLabel.setObjectName(u"captionLabel")
        self.captionLabel.setWordWrap(True)

        self.tileLayout.addWidget(self.captionLabel)

        self.noteLabel = QLabel(FigureTile)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.tileLayout.addWidget(self.noteLabel)

        self.tileSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.tileLayout.addItem(self.tileSpacer)

        self.tileLayout.setStretch(3, 1)

        self.retranslateUi(FigureTile)

        QMetaObject.connectSlotsByName(FigureTile)
    # setupUi

    def retranslateUi(self, FigureTile):
        self.valueLabel.setText(QCoreApplication.translate("FigureTile", u"\u2014", None))
        pass
    # retranslateUi

