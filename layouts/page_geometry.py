"""The 公文 page (GB/T 9704-2012) in numbers: paper, margins, type sizes, the 22 × 28 grid.

Qt-free: the Word export (exporters/docx_styles.py) and the page renderer (render/report/: print preview, printing,
PDF) set the report on the same page.
"""

from __future__ import annotations

# Page: A4, margins top 37, bottom 35, left 28, right 26 mm. The page number sits about 7 mm under the type area.
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
FOOTER_DISTANCE_MM = 24
HEADER_DISTANCE_MM = 15
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
#: A landscape page in the portrait report (a table too wide for it) is the portrait page turned a quarter to the
#: left, as it is bound: its top edge at the binding, so its margins are the portrait ones turned with it.
LANDSCAPE_MARGINS_MM = {"top": MARGINS_MM["left"], "bottom": MARGINS_MM["right"], "left": MARGINS_MM["bottom"],
                        "right": MARGINS_MM["top"]}
LANDSCAPE_TEXT_WIDTH_MM = PAGE_HEIGHT_MM - LANDSCAPE_MARGINS_MM["left"] - LANDSCAPE_MARGINS_MM["right"]

TITLE_PT = 22        # 2号
BODY_PT = 16         # 3号
LINE_PT = 28         # fixed line spacing of the body
TITLE_LINE_PT = 36   # fixed line spacing of a (possibly two-line) title
TABLE_PT = 10.5      # 5号
PAGE_NUMBER_PT = 14  # 4号
#: Character spacing of the Word export's 3号 runs, in twentieths of a point (exporters/docx_styles.py explains it):
#: 28 characters to the line off the document grid too.
BODY_SPACING = -6
DRAFT_COLOR = "C00000"

#: GB/T 9704 §5.2.2: the type area holds 22 lines of 28 characters of 3号.
CHARS_PER_LINE, LINES_PER_PAGE = 28, 22

#: Full-width characters of 2号 (22 pt) that fit the 156 mm type area (the title's lines, layouts.title_lines).
TITLE_CHARS_PER_LINE = int(TEXT_WIDTH_MM / (TITLE_PT * 25.4 / 72))
