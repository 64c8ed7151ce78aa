"""The findings' spans underlined in a narrative's text, as formats of the text blocks they fall in.

Not extra selections: Qt draws every line again for each extra selection, so a long paragraph with hundreds of marks
took a tenth of a second per keystroke. Block formats are laid out with the text once. Each mark is a QTextCursor,
which Qt moves along as the text is edited, so the marks stay on their numbers while the clerk types; only blocks
whose marks changed are formatted again.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import islice

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument

from models.findings import Severity
from ui import theme
from ui.list_diff import unchanged_ends

Mark = tuple[int, int, Severity]  # start and end (Qt positions) and the severity's colour
_WHOLE_DOCUMENT = 32  # more blocks than this to format again: format the whole document in one pass


class TextMarks(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._marks: list[tuple[QTextCursor, Severity]] = []  # sorted by start
        self._reach = 0  # the longest mark when set: how far back a mark can start and still reach a block

    def marks(self) -> list[Mark]:
        """Where the marks are now (moved along with every edit since they were set)."""
        return [(cursor.selectionStart(), cursor.selectionEnd(), severity) for cursor, severity in self._marks]

    def set_marks(self, wanted: list[Mark]) -> bool:
        """Mark `wanted`; returns whether anything changed. Only the blocks gaining or losing a mark are redone."""
        wanted = sorted(wanted, key=lambda mark: (mark[0], mark[1]))
        current = self.marks()
        if wanted == current:
            return False
        document = self.document()
        # Typing changes findings near the cursor: keep the marks before and after the change as they are.
        same_start, same_end = unchanged_ends(current, wanted)
        middle = []
        for start, end, severity in wanted[same_start:len(wanted) - same_end]:
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            middle.append((cursor, severity))
        self._marks[same_start:len(self._marks) - same_end] = middle
        self._reach = max((end - start for start, end, _ in wanted), default=0)
        blocks: set[int] = set()
        for start, end, _ in current[same_start:len(current) - same_end] + wanted[same_start:len(wanted) - same_end]:
            first, last = document.findBlock(start).blockNumber(), document.findBlock(max(start, end - 1)).blockNumber()
            blocks.update(range(first, last + 1))
            if len(blocks) > _WHOLE_DOCUMENT:
                self.rehighlight()
                return True
        for number in sorted(blocks):
            self.rehighlightBlock(document.findBlockByNumber(number))
        return True

    def highlightBlock(self, text: str) -> None:
        """Qt asks for one block's formats (after an edit in it, or when asked to redo it)."""
        if not self._marks:
            return
        block = self.currentBlock()
        block_start = block.position()
        block_end = block_start + block.length() - 1  # Qt positions (`text` counts 𬌗 once, Qt twice)
        first = bisect_left(self._marks, block_start - self._reach, key=lambda mark: mark[0].selectionStart())
        set_format, formats = self.setFormat, {severity: mark_format(severity) for severity in Severity}
        for cursor, severity in islice(self._marks, first, None):  # in one long paragraph: every mark, every key
            start = cursor.selectionStart()
            if start >= block_end:
                break
            start, end = max(start, block_start), min(cursor.selectionEnd(), block_end)
            if end > start:
                set_format(start - block_start, end - start, formats[severity])


def drawn(document: QTextDocument) -> list[Mark]:
    """The marks as Qt lays them out (the blocks' formats), in order: what the clerk sees."""
    found = []
    block = document.firstBlock()
    while block.isValid():
        for format_range in block.layout().formats():
            severity = next((s for s in Severity if format_range.format == mark_format(s)), None)
            if severity is not None:
                start = block.position() + format_range.start
                found.append((start, start + format_range.length, severity))
        block = block.next()
    return found


_FORMATS: dict[Severity, QTextCharFormat] = {}


def mark_format(severity: Severity) -> QTextCharFormat:
    """A wavy underline and a light background in the severity's colour (one format per severity, shared)."""
    if severity not in _FORMATS:
        fmt = QTextCharFormat()
        color = theme.SEVERITY_COLOR[severity]
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(color)
        fmt.setBackground(QColor(color.red(), color.green(), color.blue(), 40))
        _FORMATS[severity] = fmt
    return _FORMATS[severity]
