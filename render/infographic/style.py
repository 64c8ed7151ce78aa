"""Colours and sizes of the 一图读懂 page (page units are 0.1 mm)."""

from __future__ import annotations

from PySide6.QtGui import QColor

RED = QColor("#b3261e")         # header, numbers, section marks
RED_DARK = QColor("#8c1d18")
GOLD = QColor("#f3c969")
INK = QColor("#262626")
MUTED = QColor("#6b6b6b")
CARD = QColor("#fbf4ef")
CARD_LINE = QColor("#eddcd2")
TRACK = QColor("#ece7e4")       # the empty part of a bar
WHITE = QColor("#ffffff")

UP = QColor("#c62828")
DOWN = QColor("#2e7d32")
FLAT = QColor("#757575")

#: 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理
OUTCOME_COLORS = (QColor("#b3261e"), QColor("#e0692e"), QColor("#e9a93a"), QColor("#4a78a8"),
                  QColor("#5f9a8a"), QColor("#9a9a9a"))
#: 结果维持, 结果纠正, 其他结果, 尚未审结
CASE_COLORS = (QColor("#4a78a8"), QColor("#b3261e"), QColor("#e9a93a"), QColor("#a8a8a8"))
#: 自然人, 法人或其他组织
APPLICANT_COLORS = (QColor("#b3261e"), QColor("#e9a93a"))

MARGIN = 110.0
GAP = 40.0
RADIUS = 18.0
