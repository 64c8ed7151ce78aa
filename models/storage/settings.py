"""The app's settings: typed, with defaults, versioned, kept as one JSON file in the config folder (settings.json).

What is remembered between sessions: the recent drafts (start page), the ledger column mapping (工具 › 从依申请公开
台账计算表三), the window's geometry and dock state per screen set-up, and the export options (the last export
folder, what to do after an export).

Reading never stops the app: a settings file that cannot be read, is damaged or was written by a newer version is
renamed aside (kept for whoever wants to look at it, never read again) and the defaults are used, with a Chinese
`notice` the window can show once. Writing is atomic (models/storage/atomic.py); a write that fails raises
`SettingsError` (Chinese, naming the file) and leaves the file on disk as it was.

Before this file existed the recent list and the ledger mapping had a file each (recent.json, ledger-mapping.json).
While there is no settings.json, those are read in its place (migrated): the first write then folds them into it.
The old files are left as they are (an older version of the app still reads them).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from models.errors import UserError
from models.storage import locations
from models.storage.atomic import WriteFailed, atomic_write

FILE_NAME = "settings.json"
#: The settings file's version: raised when a field changes meaning (a file of a higher version is set aside).
SETTINGS_VERSION = 1
LEGACY_RECENT = "recent.json"
LEGACY_MAPPING = "ledger-mapping.json"
MAX_RECENT = 10
#: A settings file is a few kilobytes (window state included); anything near this is not one.
MAX_SETTINGS_BYTES = 4 * 1024 * 1024
#: What to do after an export: ask (the dialog with 打开文件 / 打开所在文件夹 / 关闭), or what was chosen last time.
AFTER_EXPORT_CHOICES = ("ask", "open_file", "open_folder", "close")
#: The window's text size (查看 › 字号): 标准, 大, 特大, smallest first. A file without it (written before) reads as
#: the first.
FONT_SIZES = ("standard", "large", "largest")


@dataclass(frozen=True)
class RecentDraft:
    """One draft of the start page's recent list."""

    path: Path
    agency: str
    year: int | None
    saved_at: str
    level: str = ""


@dataclass(frozen=True)
class WindowState:
    """The main window's geometry and dock/toolbar state as Qt saves them (saveGeometry/saveState), opaque bytes."""

    geometry: bytes = b""
    dock_state: bytes = b""


@dataclass(frozen=True)
class ExportOptions:
    """`folder`: where the last export was written ('' none yet); `after`: one of AFTER_EXPORT_CHOICES."""

    folder: str = ""
    after: str = "ask"


@dataclass(frozen=True)
class Settings:
    """Every setting, with its default. Change with `dataclasses.replace` and `save_settings` (or `update`)."""

    recent: tuple[RecentDraft, ...] = ()
    #: The remembered ledger mapping as its JSON (ColumnMapping.as_json), checked when used; None when none.
    ledger_mapping: dict[str, Any] | None = None
    #: Screen key (see `screen_key`) → the window's state on that set-up of screens.
    windows: dict[str, WindowState] = field(default_factory=dict)
    export: ExportOptions = ExportOptions()
    #: One of FONT_SIZES.
    font_size: str = FONT_SIZES[0]
    version: int = SETTINGS_VERSION


@dataclass(frozen=True)
class Loaded:
    """What `load_settings` found: the settings, and a Chinese notice when the file could not be used ('' if fine)."""

    settings: Settings
    notice: str = ""
    set_aside: Path | None = None  # where an unusable settings file was moved
    #: False when the file is there but could not be read (no permission): writing over it would destroy it.
    writable: bool = True


class SettingsError(UserError):
    """The settings could not be written; `message` (Chinese) names the file and says why."""


def settings_path() -> Path:
    return locations.config_dir() / FILE_NAME


def screen_key(screens: list[tuple[int, int]]) -> str:
    """A key for a set-up of screens, from each screen's available size in order: "1920x1080+1280x1024".

    A window remembered on a docking station's two screens is not restored onto a laptop's one.
    """
    return "+".join(f"{w}x{h}" for w, h in screens) or "none"


# ----- reading ------------------------------------------------------------------------------------------------------

def load_settings() -> Loaded:
    """The settings on disk, or the defaults (see the module's docstring). Never raises."""
    path = settings_path()
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_SETTINGS_BYTES else None
    except FileNotFoundError:
        return Loaded(_migrated())
    except OSError as exc:
        notice = f"无法读取设置文件“{path}”（{exc.strerror or exc}），本次使用默认设置，改动不会被记住。"
        _note(notice)
        return Loaded(Settings(), notice, writable=False)
    if raw is None:
        return _unusable(path, "文件过大，不是本软件的设置文件")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _unusable(path, "文件已损坏")
    if not isinstance(data, dict):
        return _unusable(path, "文件已损坏")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return _unusable(path, "文件已损坏（没有有效的版本号）")
    if version > SETTINGS_VERSION:
        return _unusable(path, f"文件由更新版本的软件写入（设置版本{version}，本软件支持到版本{SETTINGS_VERSION}）")
    return Loaded(settings_from_json(data))


def take_notices() -> list[str]:
    """What went wrong reading the settings since last asked (Chinese, for the window to show once), then forgotten.

    A damaged file is set aside by whichever read comes first (the start page's recent list, say): its notice
    waits here for the window.
    """
    notices = list(_NOTICES)
    _NOTICES.clear()
    return notices


_NOTICES: list[str] = []


def _note(notice: str) -> None:
    if notice not in _NOTICES:
        _NOTICES.append(notice)


def _unusable(path: Path, why: str) -> Loaded:
    aside = set_aside(path)
    if aside is None:  # it stays where it is: never written over
        notice = f"设置文件“{path.name}”无法使用：{why}。本次使用默认设置，改动不会被记住；原文件保留未动。"
        _note(notice)
        return Loaded(Settings(), notice, writable=False)
    notice = (f"设置文件“{path.name}”无法使用：{why}。已恢复默认设置（最近打开的草稿、记住的台账列对应关系、"
              f"窗口位置等需重新记住），原文件已改名为“{aside.name}”保留。")
    _note(notice)
    return Loaded(Settings(), notice, aside)


def set_aside(path: Path) -> Path | None:
    """Rename `path` to `<stem>.unreadable-<time><suffix>` beside it (kept, never read again): the new path, or None
    when it could not be renamed."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for attempt in range(100):
        target = path.with_name(f"{path.stem}.unreadable-{stamp}{f'-{attempt}' if attempt else ''}{path.suffix}")
        if target.exists():
            continue
        try:
            path.rename(target)
        except OSError:
            return None
        return target
    return None


def _migrated() -> Settings:
    """The defaults, with the recent list and the ledger mapping of the files kept before settings.json existed."""
    folder = locations.config_dir()
    recent: tuple[RecentDraft, ...] = ()
    with contextlib.suppress(OSError, ValueError, RecursionError):
        recent = _recent_from_json(json.loads((folder / LEGACY_RECENT).read_text(encoding="utf-8")))
    mapping = None
    with contextlib.suppress(OSError, ValueError, RecursionError):
        # Read as it was then (UTF-8, with or without BOM); checked when used, like the one kept here.
        raw = json.loads((folder / LEGACY_MAPPING).read_bytes()[:MAX_SETTINGS_BYTES].decode("utf-8-sig"))
        mapping = raw if isinstance(raw, dict) else None
    return Settings(recent=recent, ledger_mapping=mapping)


def legacy_mapping_problem() -> Path | None:
    """The old ledger-mapping.json when settings.json does not exist yet and that file cannot be read as JSON:
    the ledger tool explains it and sets it aside, as it did before (None otherwise)."""
    if settings_path().exists():
        return None
    old = locations.config_dir() / LEGACY_MAPPING
    try:
        raw = json.loads(old.read_bytes()[:MAX_SETTINGS_BYTES].decode("utf-8-sig"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, RecursionError):
        return old
    return None if isinstance(raw, dict) else old


def settings_from_json(data: dict[str, Any]) -> Settings:
    """Settings from the file's JSON; a field of the wrong type is its default (the others are kept)."""
    mapping = data.get("ledger_mapping")
    windows: dict[str, WindowState] = {}
    raw_windows = data.get("windows")
    for key, value in (raw_windows.items() if isinstance(raw_windows, dict) else ()):
        if isinstance(value, dict):
            windows[str(key)] = WindowState(_bytes(value.get("geometry")), _bytes(value.get("dock_state")))
    export = data.get("export") if isinstance(data.get("export"), dict) else {}
    after = export.get("after")
    font_size = data.get("font_size")
    return Settings(
        recent=_recent_from_json(data.get("recent")),
        ledger_mapping=mapping if isinstance(mapping, dict) else None,
        windows=windows,
        export=ExportOptions(folder=export.get("folder") if isinstance(export.get("folder"), str) else "",
                             after=after if after in AFTER_EXPORT_CHOICES else "ask"),
        font_size=font_size if font_size in FONT_SIZES else FONT_SIZES[0],
    )


def _recent_from_json(entries: object) -> tuple[RecentDraft, ...]:
    result = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("path"), str) and entry["path"]:
            year = entry.get("year")
            result.append(RecentDraft(Path(entry["path"]), str(entry.get("agency", "")),
                                      year if isinstance(year, int) and not isinstance(year, bool) else None,
                                      str(entry.get("saved_at", "")), str(entry.get("level", ""))))
    return tuple(result[:MAX_RECENT])


def _bytes(value: object) -> bytes:
    if not isinstance(value, str):
        return b""
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, binascii.Error):
        return b""


# ----- writing ------------------------------------------------------------------------------------------------------

def settings_to_json(settings: Settings) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": SETTINGS_VERSION,
        "recent": [{"path": str(e.path), "agency": e.agency, "year": e.year, "saved_at": e.saved_at,
                    "level": e.level} for e in settings.recent[:MAX_RECENT]],
        "ledger_mapping": settings.ledger_mapping,
        "windows": {key: {"geometry": base64.b64encode(w.geometry).decode("ascii"),
                          "dock_state": base64.b64encode(w.dock_state).decode("ascii")}
                    for key, w in settings.windows.items()},
        "export": {"folder": settings.export.folder, "after": settings.export.after},
        "font_size": settings.font_size,
    }
    return data


def save_settings(settings: Settings) -> Path:
    """Write the settings atomically. Raises SettingsError (Chinese, naming the file); the old file stays whole."""
    path = settings_path()
    data = json.dumps(settings_to_json(settings), ensure_ascii=False, indent=1) + "\n"
    try:
        atomic_write(path, data.encode("utf-8"))
    except WriteFailed as exc:
        raise SettingsError(f"设置没有保存：{exc.message}", path) from exc
    return path


def update(change: Callable[[Settings], Settings]) -> Settings:
    """Read the settings, apply `change`, write them back (a read-modify-write, so two windows lose little).
    Raises SettingsError when writing fails. A settings file that could not be read is replaced by the result."""
    loaded = load_settings()
    if not loaded.writable:
        raise SettingsError(loaded.notice, settings_path())
    settings = change(loaded.settings)
    save_settings(settings)
    return settings


# ----- the window, the text size and export options ------------------------------------------------------------

def window_state(key: str) -> WindowState | None:
    """The window's state remembered for this set-up of screens (`screen_key`), or None."""
    return load_settings().settings.windows.get(key)


def remember_window(key: str, geometry: bytes, dock_state: bytes) -> None:
    """Remember the window's state for this set-up of screens. Failing to write never fails closing the window."""
    with contextlib.suppress(SettingsError):
        update(lambda s: replace(s, windows={**s.windows, key: WindowState(bytes(geometry), bytes(dock_state))}))


def font_size() -> str:
    """The text size last chosen (one of FONT_SIZES)."""
    return load_settings().settings.font_size


def remember_font_size(size: str) -> None:
    """Remember the text size. Failing to write never fails the change itself (it is simply not kept)."""
    if size not in FONT_SIZES:
        raise ValueError(size)
    with contextlib.suppress(SettingsError):
        update(lambda s: replace(s, font_size=size))


def export_options() -> ExportOptions:
    return load_settings().settings.export


def remember_export(folder: Path | str | None = None, after: str | None = None) -> None:
    """Remember the folder of the last export and/or the choice after it. Never fails the export."""
    if after is not None and after not in AFTER_EXPORT_CHOICES:
        raise ValueError(after)

    def change(s: Settings) -> Settings:
        return replace(s, export=ExportOptions(folder=str(folder) if folder is not None else s.export.folder,
                                               after=after if after is not None else s.export.after))

    with contextlib.suppress(SettingsError):
        update(change)
