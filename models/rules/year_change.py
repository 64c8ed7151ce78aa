"""The change of one number against last year's, computed in one place for the X-3 rule (models/rules/years.py),
the 对比上年 display of the tables (ui/tables/table_model.py) and the 一图读懂 page (models/tools/summary.py, render/).

The same pair of values gets the same answer everywhere: direction, difference, percentage (rounded once, half up:
one decimal below 100%, whole percent from 100% up), whether it is a swing worth a second look, and its texts.
Blank is not 0, and a value that is not a valid number (InvalidValue) is never compared; a last year's 0 has no
percentage.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models.values import CellValue, format_value, is_number

Number = int | Decimal

#: X-3: a count that grew more than SWING_FACTOR times, or fell below 1/SWING_FACTOR, with both years at least
#: SWING_MINIMUM, is worth a second look.
SWING_FACTOR = 5
SWING_MINIMUM = 10
#: The arrows of the table's compact text; the 一图读懂 page draws triangles for the same `direction`.
ARROWS = {1: "↑", -1: "↓"}
SAME = "持平"
BEFORE_ZERO = "上年为0"


@dataclass(frozen=True)
class YearChange:
    """This year's value `now` against last year's `before`, each a cell value (None blank, or InvalidValue)."""

    now: CellValue
    before: CellValue

    @property
    def comparable(self) -> bool:
        """Both are numbers: only then is there a change (a blank or invalid value on either side has none)."""
        return is_number(self.now) and is_number(self.before)

    @property
    def delta(self) -> Number | None:
        """now − before, or None when not comparable."""
        if not self.comparable:
            return None
        return self.now - self.before  # type: ignore[operator]

    @property
    def direction(self) -> int:
        """1 up, -1 down, 0 unchanged or not comparable."""
        delta = self.delta
        if delta is None:
            return 0
        return (delta > 0) - (delta < 0)

    @property
    def percent(self) -> Decimal | None:
        """The change as a signed percentage of last year's value, rounded half up to one decimal (whole percent
        once that reaches 100); None when not comparable or last year's value was 0."""
        delta = self.delta
        if delta is None or self.before == 0:
            return None
        ratio = Decimal(delta) * 100 / Decimal(self.before)  # type: ignore[arg-type]
        rounded = ratio.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if abs(rounded) >= 100:
            rounded = ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return rounded

    @property
    def percent_text(self) -> str:
        """The size of the percentage without its sign, digits grouped: "11.7%", "33,267%"; "" when there is none."""
        percent = self.percent
        return "" if percent is None else f"{abs(percent):,f}%"

    @property
    def swing(self) -> bool:
        """Worth a second look (rule X-3): both at least SWING_MINIMUM, and one more than SWING_FACTOR times the
        other."""
        if not self.comparable:
            return False
        now, before = self.now, self.before
        if now < SWING_MINIMUM or before < SWING_MINIMUM:  # type: ignore[operator]
            return False
        return now > before * SWING_FACTOR or now * SWING_FACTOR < before  # type: ignore[operator]

    @property
    def amount_text(self) -> str:
        """The size of the change without its sign (一图读懂): "12.5%", "上年为0", "持平"; "" when not comparable."""
        if not self.comparable:
            return ""
        if self.direction == 0:
            return SAME
        return self.percent_text or BEFORE_ZERO

    def describe(self) -> str:
        """"增长12.5%", "下降100%", "持平", "上年为0"; "" when not comparable."""
        if self.direction == 0 or self.percent is None:
            return self.amount_text
        return ("增长" if self.direction > 0 else "下降") + self.percent_text

    def _before_text(self) -> str:
        """Last year's value as its cell shows it ("上年103", "上年1.50"), or 上年空白."""
        return f"上年{format_value(self.before)}" if self.before is not None else "上年空白"  # type: ignore[arg-type]

    def compact_text(self) -> str:
        """What fits under a value in a 70–100 px cell (对比上年): 上年103 ↑11.7%, 上年5 持平, 上年0 ↑, 上年空白."""
        if not self.comparable:
            return self._before_text()
        if self.direction == 0:
            return f"{self._before_text()} {SAME}"
        return f"{self._before_text()} {ARROWS[self.direction]}{self.percent_text}"

    def detail_text(self) -> str:
        """The cell's tooltip line: 上年103，+12（+11.7%）; 上年5，持平; 上年0，+5; 上年7 when this year is blank."""
        if not self.comparable:
            if self.before is not None and not is_number(self.before):
                return f"{self._before_text()}（不是有效数字，不作比较）"
            return self._before_text()
        if self.direction == 0:
            return f"{self._before_text()}，{SAME}"
        sign = "+" if self.direction > 0 else "-"
        percent = f"（{sign}{self.percent_text}）" if self.percent_text else ""
        return f"{self._before_text()}，{sign}{abs(self.delta)}{percent}"  # type: ignore[arg-type]
