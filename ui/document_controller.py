"""The life of the open report, without a window: new, open, import, the sample, save, save as, autosave, recovery,
the lock, recent files, closing. It talks to the clerk only through a DocumentView (ui/document_view.py), which the
main window implements with dialogs and tests with a fake (tests/ui/test_document_controller.py).

The report model is imported inside the methods: nothing of it is needed before the start page shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from models.app_info import DRAFT_SUFFIX
from models.storage import locations, recent
from models.storage.filenames import file_name
from resources import SAMPLE_REPORT
from ui.document_view import DISCARD, RECOVER, DocumentView, LockAnswer, SaveAnswer

if TYPE_CHECKING:
    from models.report import Report
    from models.storage.drafts import DraftError
    from ui.document import ReportDocument

DRAFT_FILTER = f"年度报告草稿 (*{DRAFT_SUFFIX})"
IMPORT_FILTER = f"上年度报告 (*{DRAFT_SUFFIX} *.docx *.xlsx *.html *.htm);;所有文件 (*)"
AUTOSAVE_INTERVAL_MS = 30_000
SAMPLE_NOTICE = "这是示例报告。保存时请选择自己的位置。"


class DocumentController(QObject):
    """Owns the open report (`doc`), its lock, its autosave slot and what was last autosaved of it."""

    documentChanged = Signal(object)  # the ReportDocument now open, or None
    saved = Signal(object)            # where the open report was just saved

    def __init__(self, view: DocumentView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.doc: ReportDocument | None = None
        self.slot = ""  # the autosave slot of the open report (models.storage.autosave.slot_id)
        self._locked: Path | None = None
        self._autosaved_generation = -1
        self._autosaved_typing: tuple[tuple[str, object], ...] = ()  # what open cell editors held then
        self._discarded: tuple[ReportDocument | None, int] | None = None  # work the clerk discarded, and when
        self._notice_until_saved = False  # the open report's notice is about where or whether to save it
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    # ----- opening ----------------------------------------------------------------------------------------------

    def set_document(self, doc: ReportDocument, *, page: str = "meta") -> None:
        """Make `doc` the open report and show it (the caller has already dealt with unsaved work in the current
        one): its draft locked, its autosave slot chosen."""
        from models.storage import autosave

        old, self.doc = self.doc, doc
        self._hold_lock(doc.path)
        self.slot = autosave.slot_id(doc.path)
        self._autosaved_generation = doc.generation if not doc.is_modified else -1
        self.view.show_document(doc, page)
        if old is not None:
            old.deleteLater()  # after the view has let go of it (its editor is deleted first)
        self.documentChanged.emit(doc)
        from ui.document import READ_ONLY

        self._note(READ_ONLY if doc.report.read_only else "")  # the last report's notice does not follow

    def _note(self, text: str, *, until_saved: bool = False) -> None:
        """The open report's notice (the view's `show_notice`); `until_saved`: taken away once it is saved."""
        self._notice_until_saved = until_saved
        self.view.show_notice(text)

    def new_report(self) -> bool:
        if not self.confirm_discard():
            return False
        from models.format.formats import CURRENT_TEMPLATE, format_of
        from models.report import Meta, Report, Workspace
        from models.tools.autosum import auto_sum_keys
        from ui.document import ReportDocument
        from ui.pages.start_page import default_report_year

        # A report typed from scratch adds up its totals by itself; imported or opened ones keep theirs as written,
        # so that their mistakes stay visible.
        report = Report(meta=Meta(year=default_report_year()),
                        workspace=Workspace(auto_sum=auto_sum_keys(format_of(CURRENT_TEMPLATE))))
        self.set_document(ReportDocument(report))
        return True

    def _pick(self, path: Path | None, title: str, filters: str) -> Path | None:
        """The file to open: `path`, or the one the clerk picks (None when cancelled)."""
        return path if path is not None else self.view.pick_path(title, filters, locations.drafts_dir())

    def open_draft(self, path: Path | None = None) -> bool:
        """Open a draft. The file is read before unsaved work in the current report is asked about: a file that
        cannot be opened is said at once, and the current report stays as it is."""
        path = self._pick(path, "打开草稿", DRAFT_FILTER)
        if path is None:
            return False
        from models.storage import locks
        from models.storage.atomic import real_path
        from models.storage.drafts import DraftError, load_draft

        path = real_path(path)  # once: a link's real file is the one saved, locked, autosaved and remembered

        reopened = self.doc is not None and self.doc.path == path  # saving it first would write this very file
        try:
            report = load_draft(path, allow_newer=True)
            if not self.confirm_discard():
                return False
            if reopened:
                report = load_draft(path, allow_newer=True)
        except DraftError as exc:
            self.view.show_error("无法打开草稿", exc, critical=True)
            return False
        if report.read_only:
            self.view.show_info("只能查看", f"“{path.name}”由更新版本的软件保存，本软件只能查看，"
                                "不能修改或覆盖它。如需修改，请升级本软件。")
        from importers import draft_notices

        notices = draft_notices(report)  # the same as `check` prints: e.g. a hand-edited cell key it does not know
        if notices:
            self.view.show_info("打开草稿时的提示", f"“{path.name}”：\n" + "\n".join(notices))
        owner = locks.read_owner(path)
        if owner is not None and not report.read_only:
            choice = self.view.ask_locked(f"“{path.name}”正由{owner.describe()}打开。两处同时修改会互相覆盖。")
            if choice is LockAnswer.CANCEL:
                return False
            report.read_only = choice is LockAnswer.READ_ONLY
        recovered = None if report.read_only else self._unsaved_work_of(path)
        if recovered is False:
            return False
        self._show_report(recovered or report, None if report.read_only else path, modified=recovered is not None)
        if not report.read_only:
            recent.remember(path, report)
        return True

    def _unsaved_work_of(self, path: Path) -> Report | bool | None:
        """The autosave of this very draft, left by a crash, when the clerk wants it back (None: there is none or
        the clerk discarded it). False when the clerk left it for later: the draft is not opened, since editing
        it would overwrite that work."""
        from models.storage import autosave

        slot = next((s for s in autosave.list_autosaves() if s.path.stem == autosave.slot_id(path)), None)
        if slot is None:
            return None
        choice = self.view.ask_recovery([slot]).get(slot.path)
        if choice == RECOVER:
            return autosave.recover(slot)
        if choice == DISCARD:
            autosave.discard(slot.path)
            return None
        self.view.status(f"没有打开“{path.name}”：它上次未保存的修改留待以后处理。", 8000)
        return False

    def _show_report(self, report: Report, path: Path | None, *, modified: bool = False,
                     previous: Report | None = None) -> None:
        from ui.document import ReportDocument

        doc = ReportDocument(report, path=path, previous=previous)
        if modified:
            doc.mark_modified()
        self.set_document(doc)

    def open_sample(self) -> bool:
        if not self.confirm_discard():
            return False
        from models.storage.drafts import load_draft

        self._show_report(load_draft(SAMPLE_REPORT), None)  # no path: saving asks where; the sample stays intact
        self._note(SAMPLE_NOTICE, until_saved=True)
        return True

    def import_previous(self, path: Path | None = None) -> bool:
        """Start this year's report from last year's: carry-over and cross-year checks. The file is read before
        unsaved work in the current report is asked about: one that cannot be read (a PDF, a damaged file) is said
        at once, and the current report stays as it is."""
        path = self._pick(path, "选择上年度报告", IMPORT_FILTER)
        if path is None:
            return False
        from importers import LoadError, load
        from models.tools.carryover import new_year_from

        try:
            previous, notices = load(path)
        except LoadError as exc:
            self.view.show_error("无法导入", exc)
            return False
        if not self.confirm_discard():
            return False
        if notices:
            self.view.show_info("导入说明", "读取上年度报告时：\n" + "\n".join(notices))
        self._show_report(new_year_from(previous), None, modified=True, previous=previous)
        year = f"{previous.meta.year}年度报告" if previous.meta.year else "上年度报告"
        self._note(f"已从{year}带入上年结转，正文已复制为起草底稿，请逐段修改。")
        return True

    def close_document(self) -> None:
        """Close the report (unsaved work has been dealt with): its lock released, its autosave slot removed."""
        self._hold_lock(None)
        if self.doc is not None:
            self._drop_autosave()
        self.doc = None
        self.view.show_document(None)
        self._note("")
        self.documentChanged.emit(None)

    def _hold_lock(self, path: Path | None) -> None:
        """Hold the lock of the draft being edited (and only that one)."""
        from models.storage import locks

        if self._locked == path:
            return
        if self._locked is not None:
            locks.release(self._locked)
        self._locked = path if path is not None and locks.acquire(path) else None

    # ----- saving ---------------------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.doc is None:
            return False
        if self.doc.path is None or self.doc.report.read_only:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self, path: Path | None = None) -> bool:
        if self.doc is None:
            return False
        self.view.commit_pending()
        if path is None:
            suggested = locations.drafts_dir() / file_name(self.doc.display_name, DRAFT_SUFFIX)
            path = self.view.pick_path("另存为", DRAFT_FILTER, suggested, save=True)
            if path is None:
                return False
        if path.suffix.lower() != DRAFT_SUFFIX:
            path = path.with_name(path.name + DRAFT_SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        from models.storage import autosave
        from models.storage.drafts import DraftError, save_draft

        assert self.doc is not None
        self.view.commit_pending()
        report = self.doc.report
        if report.read_only:
            # A view-only report is saved as an editable copy, which is then opened in its place.
            report = report.copy()
            report.read_only = False
        try:
            save_draft(report, path)
        except DraftError as exc:
            return self.view.show_error("保存失败", exc, critical=True, advice="是否另存到其他位置？",
                                        offer_save=True) and self.save_as()
        if self.doc.report.read_only:
            self._show_report(report, path, previous=self.doc.previous)
        old_slot = self.slot
        self._hold_lock(path)
        self.doc.mark_saved(path)
        self.slot = autosave.slot_id(path)
        for slot in {old_slot, self.slot}:
            autosave.discard_slot(slot)
        recent.remember(path, self.doc.report)
        if self._notice_until_saved:
            self._note("")
        self.view.status(f"已保存：{path}", 5000)
        self.saved.emit(path)
        return True

    def autosave(self) -> bool:
        """Write unsaved work into the autosave slot (on the timer, on every page change, before a crash dialog).

        Returns True when the unsaved work is in the slot (written now or already there). A report with nothing
        unsaved (saved, or undone back to what was saved) has no slot: there is nothing to recover. Work the clerk
        discarded is not written back. A cell editor left open keeps its text and stays open: what it holds goes
        into the autosave copy only (the report itself changes when the clerk presses Enter), and a tick with
        nothing new since the last one writes nothing.
        """
        doc = self.doc
        if doc is None or doc.report.read_only:
            return False
        from ui.pending_edits import pending_values, report_with

        edits = self.view.pending_edits()
        typing = pending_values(doc, edits) if edits else {}
        if not doc.is_modified and not typing:
            if self._autosaved_generation != doc.generation:
                self._remove_slot()
                self._autosaved_generation = doc.generation
            return False
        if self._discarded == (doc, doc.generation) and not typing:
            return False
        state = tuple(sorted(typing.items(), key=lambda item: item[0]))
        if doc.generation == self._autosaved_generation and state == self._autosaved_typing:
            return True
        from models.storage import autosave
        from models.storage.drafts import DraftError

        try:
            autosave.write_autosave(report_with(doc, typing) if typing else doc.report, self.slot, doc.path)
        except DraftError as exc:
            self._autosave_failed(exc)
            return False
        self._autosaved_generation = doc.generation
        self._autosaved_typing = state
        return True

    def _autosave_failed(self, error: DraftError) -> None:
        """An unwritable data folder is said once, in the banner; any other failure (a full disk) each time."""
        from models.storage.autosave import AutosaveUnavailable

        if isinstance(error, AutosaveUnavailable):
            self.view.show_banner(error.message)
        else:
            self.view.status(f"自动保存失败：{error.message}")

    def check_data_folder(self) -> None:
        """After the start page shows: a data folder no file can be written in gets the banner."""
        from models.storage.autosave import AutosaveUnavailable

        if locations.unwritable() is not None:
            self.view.show_banner(AutosaveUnavailable(locations.data_folder()).message)

    def offer_recovery(self) -> bool:
        """After a crash or kill: every autosave left, each with its report, time and size, each recovered,
        discarded or kept for later as the clerk chooses. Returns True when one was restored (the first chosen;
        the others chosen stay for the next start or the opening of their draft).

        Slots of another instance still running are left alone: that work is not lost.
        """
        from models.storage import autosave

        slots = autosave.list_autosaves(skip_live=True)
        if not slots:
            return False
        choices = self.view.ask_recovery(slots)
        for slot in slots:
            if choices.get(slot.path) == DISCARD:
                autosave.discard(slot.path)
        chosen = [slot for slot in slots if choices.get(slot.path) == RECOVER]
        if not chosen:
            return False
        slot = chosen[0]
        self._show_report(autosave.recover(slot), slot.source, modified=True)
        self.slot = slot.path.stem
        later = f"另有{len(chosen) - 1}份留到下次启动时恢复。" if len(chosen) > 1 else ""
        self._note(f"已恢复“{slot.report_name}”{slot.when}自动保存的内容，请及时保存。{later}", until_saved=True)
        return True

    # ----- leaving ----------------------------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """Before the current report is closed: 保存 / 不保存 / 取消 when it has unsaved changes.

        Discarded means discarded: with 不保存 (or nothing unsaved) the report's autosave slot goes at once, so the
        next start does not offer it for recovery, whichever way the report is then left (new, open, sample,
        import, close).
        """
        if self.doc is None:
            return True
        self.view.commit_pending()
        if self.doc.is_modified:
            answer = self.view.ask_save(f"“{self.doc.display_name}”有未保存的修改，是否保存？")
            if answer is SaveAnswer.SAVE:
                return self.save()
            if answer is not SaveAnswer.DISCARD:
                return False
        self._drop_autosave()
        return True

    def _drop_autosave(self) -> None:
        """Remove the current report's autosave slot: the clerk saved or discarded its work.

        The timer, firing while a question about the next file is open, must not write the discarded work back. A
        change made after this (the report stays when the next file cannot be opened) is autosaved as usual.
        """
        self._remove_slot()
        self._autosaved_generation = -1
        self._discarded = (self.doc, self.doc.generation) if self.doc is not None else None

    def _remove_slot(self) -> None:
        from models.storage import autosave

        autosave.discard_slot(self.slot)
