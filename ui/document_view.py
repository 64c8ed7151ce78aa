"""What the DocumentController (ui/document_controller.py) needs of a window: the questions it asks the clerk, how it
tells them something, and how it shows the open report. MainWindow implements it with dialogs; the controller's tests
with a fake that records and answers (tests/ui/test_document_controller.py). Nothing here needs Qt."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from models.errors import UserError
    from models.storage.autosave import AutosaveSlot
    from ui.document import ReportDocument


#: The clerk's choice for an autosave slot (ask_recovery); a slot left for later is not in the answer.
RECOVER, DISCARD, LATER = "recover", "discard", "later"


class SaveAnswer(enum.Enum):
    """The clerk's answer to “有未保存的修改，是否保存？”."""

    SAVE = "save"
    DISCARD = "discard"  # 不保存
    CANCEL = "cancel"


class LockAnswer(enum.Enum):
    """The clerk's answer when the draft is open in another instance."""

    READ_ONLY = "read_only"  # 以只读方式打开
    OPEN = "open"            # 仍然打开并修改
    CANCEL = "cancel"


@runtime_checkable
class DocumentView(Protocol):
    """The window as the controller sees it."""

    # ----- questions -------------------------------------------------------------------------------------------

    def ask_save(self, text: str) -> SaveAnswer:
        """保存 / 不保存 / 取消 for unsaved work described by `text`."""

    def ask_recovery(self, slots: list[AutosaveSlot]) -> dict[Path, str]:
        """Each autosave slot's path → RECOVER or DISCARD (ui.recovery_dialog); a slot not in it stays on disk."""

    def ask_locked(self, text: str) -> LockAnswer:
        """A draft another instance has open (`text` says which and by whom)."""

    def pick_path(self, title: str, filters: str, start: Path, *, save: bool = False) -> Path | None:
        """A file to open (or, with `save`, to write) chosen by the clerk, starting at `start`; None when cancelled."""

    # ----- telling ---------------------------------------------------------------------------------------------

    def show_error(self, title: str, error: UserError | str, *, critical: bool = False, advice: str = "",
                   offer_save: bool = False) -> bool:
        """A failure the clerk can act on; with `offer_save` the clerk may choose 保存 (another place): returns
        whether they did."""

    def show_info(self, title: str, text: str) -> None:
        """Something the clerk should know before going on (a view-only draft, what an import guessed)."""

    def status(self, text: str, timeout_ms: int = 0) -> None:
        """A passing message in the status bar, gone after `timeout_ms` (0: a few seconds)."""

    def show_banner(self, text: str) -> None:
        """A lasting notice above the pages for the whole session: autosave and recovery are unavailable."""

    def show_notice(self, text: str) -> None:
        """A notice about the open report, above its pages, that matters as long as it is open (只能查看, 示例报告,
        what an import or a recovery brought); '' takes it away. Replaced whenever another report is shown."""

    # ----- the report ------------------------------------------------------------------------------------------

    def show_document(self, doc: ReportDocument | None, page: str = "meta") -> None:
        """Show `doc` at `page`, or, with None, no report (the controller has closed it)."""

    def commit_pending(self) -> None:
        """Commit what open cell editors hold into the report (before a save, a question, an export)."""

    def pending_edits(self) -> dict[str, str]:
        """What open cell editors hold, cell key → text, left open (autosave keeps it without committing it)."""
