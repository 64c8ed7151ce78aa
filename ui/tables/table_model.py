"""One QAbstractTableModel per official table, generated from the grid of the report's own format.

Label and header cells are model cells too (read-only and not enabled, so keyboard navigation skips them); the view
merges them with setSpan. Input cells serve the value, its tint (error, warning, carried, auto-sum) and a tooltip
with the rule messages.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QGuiApplication

from models.findings import Severity
from models.format import format2021 as fmt
from models.format.formats import Format
from models.rules.rule_set import rule_name
from models.rules.year_change import YearChange
from models.values import ValueRefused, format_value
from ui import theme
from ui.document import ReportDocument
from ui.tables.table_layout import bold_font

Index = QModelIndex | QPersistentModelIndex
_ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_LABEL = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN_ROW_LABEL = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
AUTO_SUM_TIP = "自动合计：由各项相加得出，不能直接修改。如需手工填写，请在表格上方关闭自动合计。"
PENDING_TIP = "未填：离开本页或导出时仍空白的单元格算作错误。没有发生的请填0（空白不等于0）。"
#: Last year's value and the change, shown under the value when 对比上年 is on ("" when off or not loaded).
PREVIOUS_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: What the cell's tint means, drawn as a mark too (never colour alone): error, warning, involved-error,
#: involved-warning, carried, auto, pending, or None.
CUE_ROLE = int(Qt.ItemDataRole.UserRole) + 2


class OfficialTableModel(QAbstractTableModel):
    refused = Signal(str)   # a typed value was refused: the Chinese reason
    notice = Signal(str)    # a typed value was accepted with a change (e.g. 已去掉“件”)

    def __init__(self, doc: ReportDocument, table: str) -> None:
        super().__init__()
        self.doc = doc
        self.table = table
        self.format: Format = doc.report.format  # a document keeps its report's format (another file, another doc)
        self.grid = self.format.grids[table]
        self._covering = self.grid.coverage
        self._position = self.grid.positions
        self._tints: dict[str, tuple[object, ...]] = {}
        self.show_previous = False
        doc.cellsChanged.connect(self._on_cells_changed)
        doc.findingsChanged.connect(self._on_findings_changed)
        doc.autoSumChanged.connect(self._on_findings_changed)
        self._tints = self._current_tints()

    # ----- structure ------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.grid.rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.grid.columns

    def grid_cell(self, index: Index) -> fmt.GridCell | None:
        return self._covering.get((index.row(), index.column()))

    def key_at(self, index: Index) -> str:
        cell = self.grid_cell(index)
        return cell.key if cell else ""

    def index_of(self, key: str) -> QModelIndex:
        row, col = self._position[key]
        return self.index(row, col)

    def input_keys(self) -> list[str]:
        return [c.key for c in self.grid.cells if c.key]

    def label(self, key: str) -> str:
        """A cell's location in the report's format (表三·…·自然人), for tooltips and messages."""
        return self.format.cell_label(key)

    def is_amount(self, key: str) -> bool:
        return self.format.cell_by_key[key].kind is fmt.CellKind.AMOUNT

    # ----- data -----------------------------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        cell = self.grid_cell(index)
        if cell is None or not cell.key:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.doc.is_auto(cell.key) and not self.doc.report.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        cell = self.grid_cell(index)
        if cell is None or (index.row(), index.column()) != (cell.row, cell.col):
            return None
        if not cell.key:
            return self._label_data(cell, role)
        key = cell.key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_value(self.doc.report.cells.get(key))
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_NUMBER
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(Qt.GlobalColor.black)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.label(key)}：{format_value(self.doc.report.cells.get(key)) or '空白'}"
        if role == CUE_ROLE:
            return self._cue_name(key)
        if role == PREVIOUS_ROLE:
            previous = self.doc.previous
            if not self.show_previous or previous is None:
                return ""
            return YearChange(self.doc.report.cells.get(key), previous.cells.get(key)).compact_text()
        return None

    def compare_lines(self) -> tuple[str, ...]:
        """The distinct 对比上年 lines the table shows (none while it is off)."""
        lines = {self.data(self.index_of(key), PREVIOUS_ROLE) for key in self._position}
        return tuple(sorted(line for line in lines if line))

    def set_show_previous(self, on: bool) -> None:
        """对比上年: last year's value and the change under each value; X-3 swings highlighted."""
        if on == self.show_previous:
            return
        self.show_previous = on
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def _label_data(self, cell: fmt.GridCell, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell.text
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(theme.HEADER_BACKGROUND if cell.header else theme.LABEL_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(Qt.GlobalColor.black)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Row labels read left to right; headings and the labels spanning several rows are centred.
            return _ALIGN_ROW_LABEL if not cell.header and cell.rowspan == 1 else _ALIGN_LABEL
        if role == Qt.ItemDataRole.FontRole and cell.header:
            return bold_font(QGuiApplication.font())  # the application's font as it is now (查看 → 字号)
        return None

    def _background(self, key: str) -> QBrush | None:
        cue = self.cue(key)
        if cue is not None and cue[0] in theme.SEVERITY_BACKGROUND:
            severity, likeliest = cue
            return QBrush((theme.SEVERITY_BACKGROUND if likeliest else theme.SEVERITY_FAINT)[severity])
        if self.show_previous and any(f.swing for f in self.doc.by_cell.get(key, [])):
            return QBrush(theme.SWING_BACKGROUND)
        if self.doc.is_auto(key):
            return QBrush(theme.AUTO_BACKGROUND)
        if key in self.doc.report.provenance:
            return QBrush(theme.CARRIED_BACKGROUND)
        if key in self.doc.pending_cells:
            return QBrush(theme.PENDING_BACKGROUND)
        return None

    def _cue_name(self, key: str) -> str | None:
        cue = self.cue(key)
        if cue is not None and cue[0] in theme.SEVERITY_BACKGROUND:
            return cue[0].value if cue[1] else f"involved-{cue[0].value}"
        if self.doc.is_auto(key):
            return "auto"
        if key in self.doc.report.provenance:
            return "carried"
        if key in self.doc.pending_cells:
            return "pending"
        return None

    def _tooltip(self, key: str) -> str:
        lines = [self.label(key)]
        for finding in self.doc.by_cell.get(key, []):
            involved = "" if key in finding.likeliest else "与此格有关："
            lines.append(f"【{finding.severity.label}·{rule_name(finding.rule)}】{involved}{finding.message}（{finding.rule}）")
        carried = self.doc.previous_year_label(key)
        if carried:
            lines.append(f"{carried}（上年结转下年度）")
        if self.show_previous and self.doc.previous is not None:
            lines.append(YearChange(self.doc.report.cells.get(key), self.doc.previous.cells.get(key)).detail_text())
        if self.doc.is_auto(key):
            lines.append(AUTO_SUM_TIP)
        if key in self.doc.pending_cells:
            lines.append(PENDING_TIP)
        return "\n".join(lines)

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = self.key_at(index)
        if role != Qt.ItemDataRole.EditRole or not key or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        try:
            parsed = self.doc.parse_input(key, "" if value is None else str(value))
        except ValueRefused as refused:
            self.refused.emit(f"{self.label(key)}：{refused.message}")
            return False
        if not self.doc.set_cells({key: parsed.value}, f"修改{self.label(key)}"):
            return False  # refused whole: the document said why
        if parsed.notice:
            self.notice.emit(f"{self.label(key)}：{parsed.notice}")
        return True

    # ----- change notification --------------------------------------------------------------------------------

    def _current_tints(self) -> dict[str, tuple[object, ...]]:
        doc = self.doc
        tints = {}
        for key in self._position:
            findings = doc.by_cell.get(key)
            marks = tuple((f.fingerprint, f.message, key in f.likeliest) for f in findings) if findings else ()
            tints[key] = (marks, doc.is_auto(key), key in doc.report.provenance, key in doc.pending_cells)
        return tints

    def _emit_for(self, keys: list[str] | set[str], roles: list[int] | None = None) -> None:
        for key in keys:
            if key in self._position:
                index = self.index_of(key)
                self.dataChanged.emit(index, index, roles or [])

    def _on_cells_changed(self, keys: list[str]) -> None:
        self._emit_for(keys)

    def _on_findings_changed(self) -> None:
        tints = self._current_tints()
        changed = {key for key, tint in tints.items() if self._tints.get(key) != tint}
        self._tints = tints
        self._emit_for(changed, [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole])

    def cue(self, key: str) -> tuple[Severity, bool] | None:
        """The worst severity that tints `key` (errors and warnings; a 提示 does not), and whether `key` is among
        the likeliest wrong cells of such a finding (painted strongly) or only involved in it (painted faintly: one
        wrong number, one red cell)."""
        findings = [f for f in self.doc.by_cell.get(key, ()) if f.severity in theme.SEVERITY_BACKGROUND]
        if not findings:
            return None
        worst = min((f.severity for f in findings), key=lambda s: s.rank)
        return worst, any(key in f.likeliest for f in findings if f.severity is worst)

    def severity_at(self, index: Index) -> Severity | None:
        key = self.key_at(index)
        return self.doc.worst(key) if key else None
