"""The draft file on disk: atomic save with a backup of the previous version, and a careful load.

Loading never writes: a corrupt, truncated, foreign or newer-version file raises DraftError with a Chinese message
that names the file, and the file stays as it was.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from models.app_info import APP_NAME, APP_VERSION, DRAFT_SUFFIX
from models.errors import UserError
from models.format.formats import FORMATS, known_templates
from models.format.template_migrations import migrate_report
from models.report import Report
from models.storage import locations, migrations
from models.storage.atomic import NAME_MAX_BYTES, WriteFailed, atomic_write, fit_name, real_path
from models.storage.draft_format import FORMAT_ID, LEGACY_TEMPLATE, DraftContentError, from_document, to_document
from models.storage.migrations import NoUpgradePath
from models.storage.userfiles import FileTooLarge, describe_size, read_limited

log = logging.getLogger("govreport")
MAX_DRAFT_BYTES = 64 * 1024 * 1024
KEEP_BACKUPS = 10
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"  # in backup names: name order is time order
STAMP_LENGTH = len("20250301-120000-000000")


class DraftError(UserError):
    """A draft cannot be read or written; `message` says why in Chinese and names the file."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message


class DraftNewerError(DraftError):
    """The draft was saved by a newer version of the app (a higher schema_version)."""

    def __init__(self, path: Path | str, version: int) -> None:
        super().__init__(
            path,
            f"“{Path(path).name}”由更新版本的软件保存（草稿格式版本{version}，本软件支持到版本"
            f"{migrations.CURRENT_SCHEMA_VERSION}）。请升级本软件后再打开；文件未作任何改动。",
        )
        self.version = version


class DraftTemplateError(DraftError):
    """The draft is of a report format (template) this version does not know: newer, or damaged."""

    def __init__(self, path: Path | str, template: object) -> None:
        super().__init__(
            path,
            f"“{Path(path).name}”使用的报告格式“{template}”本软件不认识（本软件支持{known_templates()}格式），"
            "可能由更新版本的软件保存。请升级本软件后再打开；文件未作任何改动。",
        )
        self.template = template


def _corrupt(path: Path, why: str) -> DraftError:
    return DraftError(path, f"“{path.name}”无法打开：{why}文件未作任何改动。")


def parse_draft_bytes(path: Path, data: bytes, *, allow_newer: bool = False) -> Report:
    """Parse draft bytes read from `path` (used for the message). See `load_draft`."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _corrupt(path, "这不是草稿文件（不是UTF-8文本）。") from None
    if not text.strip():
        raise _corrupt(path, "文件是空的（可能保存时被中断）。")
    if not text.lstrip().startswith("{"):
        raise _corrupt(path, "这不是政府信息公开年度报告的草稿文件。")
    try:
        doc = json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(text.rstrip()) - 1 or exc.msg.startswith("Unterminated string")
        why = "文件不完整（可能保存时被中断）。" if truncated else f"文件已损坏（第{exc.lineno}行第{exc.colno}列）。"
        raise _corrupt(path, why) from None
    except RecursionError:
        raise _corrupt(path, "文件结构嵌套过深，已损坏。") from None
    except ValueError:  # NaN/Infinity, or an integer of thousands of digits
        raise _corrupt(path, "文件中有无法识别的数值，已损坏。") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_ID:
        raise _corrupt(path, "这不是政府信息公开年度报告的草稿文件。")
    version = doc.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _corrupt(path, f"草稿格式版本“{version}”无效。")
    template = doc.get("template", LEGACY_TEMPLATE)
    if not isinstance(template, str) or template not in FORMATS:
        raise DraftTemplateError(path, template)
    read_only = False
    if version > migrations.CURRENT_SCHEMA_VERSION:
        if not allow_newer:
            raise DraftNewerError(path, version)
        read_only = True
    else:
        try:
            doc = migrations.upgrade(doc, migrations.CURRENT_SCHEMA_VERSION)
        except NoUpgradePath as exc:
            raise _corrupt(path, f"无法从草稿格式版本{exc.version}升级。") from None
    try:
        report = from_document(doc)
    except DraftContentError as exc:
        raise _corrupt(path, str(exc)) from None
    report.read_only = read_only
    report.upgraded_from = version if version < migrations.CURRENT_SCHEMA_VERSION else None
    report.extra.pop("app", None)
    return report


def _refuse_constant(name: str) -> object:
    raise ValueError(name)


def load_draft(path: Path | str, *, allow_newer: bool = False) -> Report:
    """Read a draft. With `allow_newer`, a newer-version draft opens as a read-only report instead of failing."""
    path = Path(path)
    try:
        data = read_limited(path, MAX_DRAFT_BYTES)
    except FileTooLarge as exc:
        raise _corrupt(path, f"文件过大（{describe_size(exc.size)}），不是草稿文件。") from None
    except FileNotFoundError:
        raise DraftError(path, f"找不到文件“{path}”。") from None
    except IsADirectoryError:
        raise DraftError(path, f"“{path}”是文件夹，不是草稿文件。") from None
    except OSError as exc:
        raise DraftError(path, f"无法读取“{path.name}”：{exc.strerror or exc}。") from None
    return migrate_report(parse_draft_bytes(path, data, allow_newer=allow_newer))  # template migrations


def draft_bytes(report: Report) -> bytes:
    app = {"name": APP_NAME, "version": APP_VERSION,
           "saved_at": datetime.now().astimezone().isoformat(timespec="seconds")}
    return (json.dumps(to_document(report, app), ensure_ascii=False, indent=1, default=_json_default) + "\n").encode()


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot save {type(value).__name__}")


def save_draft(report: Report, path: Path | str, *, backup_dir: Path | str | None = None,
               keep_backups: int = KEEP_BACKUPS) -> Path | None:
    """Save atomically; the version being replaced is first copied to the backups folder.

    Returns the backup's path (None when there was no previous file). Raises DraftError on failure, leaving both
    the previous file and the report untouched.
    """
    path = Path(path)
    if report.read_only:
        raise DraftError(path, f"“{path.name}”由更新版本的软件保存，只能查看，不能覆盖保存。请另存为新文件。")
    try:
        data = draft_bytes(report)
    except (TypeError, ValueError) as exc:
        raise DraftError(path, f"无法保存“{path.name}”：报告中有无法保存的内容（{exc}）。") from exc
    backup = None
    if report.upgraded_from is not None:
        _keep_original(path, report.upgraded_from)
    if keep_backups > 0 and path.exists():
        try:
            folder = Path(backup_dir) if backup_dir is not None else locations.backups_dir()
            backup = _backup(path, folder, keep_backups)
        except OSError:
            # The clerk's new work matters more than the extra copy of the old: save anyway, and say so in the log.
            log.warning("could not back up %s before saving", path, exc_info=True)
    try:
        atomic_write(path, data)
    except WriteFailed as exc:
        raise DraftError(path, exc.message) from exc
    except OSError as exc:
        raise DraftError(path, WriteFailed(path, exc).message) from exc
    return backup


def original_copy(path: Path, version: int) -> Path:
    """Where the pre-upgrade original of a draft is kept: beside it, so that an older app can still open it."""
    return path.with_name(fit_name(path.stem, f"（格式版本{version}原件）{path.suffix}"))


def _keep_original(path: Path, version: int) -> None:
    """Before a draft upgraded from an older schema is first overwritten, keep the file as it was."""
    target = original_copy(path, version)
    if not path.exists() or target.exists():
        return
    try:
        head = json.loads(path.read_text(encoding="utf-8-sig")).get("schema_version")
    except (OSError, ValueError, AttributeError):
        return
    if head == version:
        try:
            shutil.copyfile(path, target)
        except OSError:
            log.warning("could not keep the original of %s", path, exc_info=True)


def backup_stem(path: Path) -> str:
    """Backups of one draft share this prefix: its name and a short digest of its full path (links resolved).

    A long name is cut short (at a character boundary) so that the backup's name, and the temporary name it is
    first written under, fit the file system; the digest keeps drafts whose names differ after the cut apart.
    """
    digest = hashlib.sha1(str(real_path(path)).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    tail = f"-{digest}-" + "0" * STAMP_LENGTH + (path.suffix or DRAFT_SUFFIX) + ".tmp"
    room = NAME_MAX_BYTES - len("." + tail)
    stem = path.stem.encode("utf-8", "surrogatepass")[:room].decode("utf-8", "ignore")
    return f"{stem}-{digest}"


def _backup(path: Path, backup_dir: Path, keep: int) -> Path:
    backup_dir.mkdir(parents=True, exist_ok=True)
    earlier = backups_of(path, backup_dir)
    stamp = _stamp_after(earlier[0] if earlier else None)
    target = backup_dir / f"{backup_stem(path)}-{stamp}{path.suffix or DRAFT_SUFFIX}"
    temp = target.with_name(f".{target.name}.tmp")
    shutil.copyfile(path, temp)
    os.replace(temp, target)
    for old in backups_of(path, backup_dir)[keep:]:
        if old != target:  # never the one just written, whatever the names say
            old.unlink(missing_ok=True)
    return target


def _stamp_after(newest: Path | None) -> str:
    """Now, as a backup name's stamp; after the clock went back, just after the newest backup's stamp instead, so
    that name order stays the order the backups were written in (and pruning keeps the newest)."""
    stamp = datetime.now().strftime(STAMP_FORMAT)
    if newest is None:
        return stamp
    last = newest.stem[-STAMP_LENGTH:]
    if stamp > last:
        return stamp
    try:
        return (datetime.strptime(last, STAMP_FORMAT) + timedelta(microseconds=1)).strftime(STAMP_FORMAT)
    except ValueError:  # not one of our names
        return stamp


def backups_of(path: Path, backup_dir: Path | None = None) -> list[Path]:
    """The backups of the draft at `path`, newest first (none when the folder cannot be read)."""
    folder = backup_dir if backup_dir is not None else locations.backups_dir()
    prefix = backup_stem(Path(path)) + "-"
    try:
        return sorted((p for p in folder.iterdir() if p.name.startswith(prefix)), reverse=True)
    except OSError:
        return []
