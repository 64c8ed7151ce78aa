"""The four columns of an application ledger (依申请公开台账), finding them in a header row, and the column mapping.

A ledger is recognised without help when one of its first rows holds 收到日期, 申请人类型, 办理结果 and 办结日期 (or a
common variant such as 答复日期). Otherwise a mapping says which header is which field; it may also name what the
clerk's own words in the 办理结果 / 申请人类型 columns stand for (“同意公开” → 予以公开). A mapping is a JSON file, or
the one remembered in the app's settings (models/storage/settings.py).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from models.errors import UserError
from models.storage import locations, settings
from models.storage.atomic import WriteFailed, atomic_write
from models.storage.userfiles import FileTooLarge, NotRegularFile, read_limited


@dataclass(frozen=True)
class LedgerField:
    key: str
    label: str
    variants: tuple[str, ...]  # other headers taken for this field, the label itself first in priority


FIELDS: tuple[LedgerField, ...] = (
    LedgerField("received", "收到日期", ("收到申请日期", "申请收到日期", "收到时间", "收件日期", "收件时间",
                                        "接收日期", "登记日期", "受理日期", "申请日期", "申请时间")),
    LedgerField("applicant", "申请人类型", ("申请人类别", "申请人性质", "申请主体类型", "申请主体类别", "申请主体")),
    LedgerField("result", "办理结果", ("处理结果", "答复结果", "办理结果类型", "答复类型")),
    LedgerField("closed", "办结日期", ("办结时间", "答复日期", "答复时间", "办理完结日期", "结案日期", "完成日期")),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
#: How many rows from the top of a sheet are searched for the header row (titles and notes may come first).
HEADER_SCAN_ROWS = 20
SAVED_MAPPING_NAME = "ledger-mapping.json"
#: A mapping file is a few hundred bytes; anything near this is not one.
MAX_MAPPING_BYTES = 1024 * 1024


class MappingError(UserError):
    """A mapping file cannot be used; `message` (Chinese) names the file and says what is wrong."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def normalize_header(text: object) -> str:
    """A header cell as compared: full-width folded, spaces, * marks and a trailing note in brackets dropped."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFKC", str(text))
    value = "".join(ch for ch in value if not ch.isspace() and unicodedata.category(ch) != "Cf")
    value = value.strip("*※")
    value = re.sub(r"\([^()]*\)$", "", value)  # 收到日期(年月日)
    return value.lower()


def field_key(name: str) -> str | None:
    """A field named by its key (`received`) or its label (`收到日期`)."""
    if name in FIELD_BY_KEY:
        return name
    wanted = normalize_header(name)
    return next((f.key for f in FIELDS if normalize_header(f.label) == wanted), None)


@dataclass
class ColumnMapping:
    """Which header is which field, and what the clerk's own words in two columns stand for.

    `columns`: header text → field key. Fields it does not name are found by their usual headers.
    `results`: the clerk's 办理结果 text → a 办理结果 of table 三 as written in the format (any accepted form).
    `applicants`: the clerk's 申请人类型 text → a 申请人类型 of table 三 (自然人, 商业企业 …).
    """

    columns: dict[str, str] = field(default_factory=dict)
    results: dict[str, str] = field(default_factory=dict)
    applicants: dict[str, str] = field(default_factory=dict)

    def headers_for(self, key: str) -> tuple[str, ...]:
        """The headers taken for a field, in priority order: the mapping's, then the usual ones."""
        own = tuple(h for h, k in self.columns.items() if k == key)
        usual = (FIELD_BY_KEY[key].label, *FIELD_BY_KEY[key].variants)
        return own + usual

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"columns": {h: FIELD_BY_KEY[k].label for h, k in self.columns.items()}}
        if self.results:
            data["results"] = dict(self.results)
        if self.applicants:
            data["applicants"] = dict(self.applicants)
        return data


def mapping_from_json(data: object, source: str = "列对应关系") -> ColumnMapping:
    """A mapping from its JSON: `{"columns": {header: field}, "results": {...}, "applicants": {...}}`, or just
    `{header: field}`. Fields are named by label (收到日期) or key (received). Raises MappingError."""
    from models.tools.ledger_values import match_applicant, match_result  # the value matchers use the format module

    if not isinstance(data, dict):
        raise MappingError(f"“{source}”应为 JSON 对象，如 {{\"收件时间\": \"收到日期\"}}。")
    sections = {"columns", "results", "applicants"}
    sectioned = bool(sections & set(data))
    if sectioned and set(data) - sections:
        raise MappingError(f"“{source}”中有无法识别的项：{'、'.join(sorted(map(str, set(data) - sections)))}"
                           "（只能有 columns、results、applicants）。")
    mapping = ColumnMapping()
    for header, name in _pairs(data.get("columns", {}) if sectioned else data, source, "columns"):
        key = field_key(name)
        if key is None:
            labels = "、".join(f.label for f in FIELDS)
            raise MappingError(f"“{source}”中“{header}”对应的“{name}”不是台账的字段（应为{labels}之一）。")
        mapping.columns[header] = key
    for text, target in _pairs(data.get("results", {}) if sectioned else {}, source, "results"):
        if match_result(target) is None:
            raise MappingError(f"“{source}”中“{text}”对应的“{target}”不是表三的办理结果。")
        mapping.results[text] = target
    for text, target in _pairs(data.get("applicants", {}) if sectioned else {}, source, "applicants"):
        if match_applicant(target) is None:
            raise MappingError(f"“{source}”中“{text}”对应的“{target}”不是表三的申请人类型。")
        mapping.applicants[text] = target
    return mapping


def _pairs(raw: object, source: str, section: str) -> list[tuple[str, str]]:
    if not isinstance(raw, dict):
        raise MappingError(f"“{source}”中的 {section} 应为 JSON 对象。")
    pairs = []
    for key, value in raw.items():
        if not isinstance(value, str) or not str(key).strip():
            raise MappingError(f"“{source}”中 {section} 的“{key}”应对应一段文字。")
        pairs.append((str(key), value))
    return pairs


def load_mapping(path: Path | str) -> ColumnMapping:
    """Read a mapping file (UTF-8, with or without BOM). Raises MappingError."""
    path = Path(path)
    try:
        data = json.loads(read_limited(path, MAX_MAPPING_BYTES).decode("utf-8-sig"))
    except FileNotFoundError:
        raise MappingError(f"找不到列对应关系文件“{path}”。") from None
    except (NotRegularFile, IsADirectoryError, FileTooLarge) as exc:
        raise MappingError(f"列对应关系文件“{path.name}”无法读取：{exc.strerror}。") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise MappingError(f"列对应关系文件“{path.name}”无法读取（{type(exc).__name__}），应为 UTF-8 编码的 JSON。"
                           ) from None
    return mapping_from_json(data, path.name)


def saved_mapping_path() -> Path:
    """Where the remembered mapping is kept: the settings file (models/storage/settings.py)."""
    return settings.settings_path()


def legacy_mapping_path() -> Path:
    """The file the mapping was remembered in before settings.json (read while settings.json does not exist)."""
    return locations.config_dir() / SAVED_MAPPING_NAME


def save_mapping(mapping: ColumnMapping, path: Path | str | None = None) -> Path:
    """Remember a mapping (in the settings unless `path` is given), atomically. Raises MappingError."""
    if path is not None:
        data = json.dumps(mapping.as_json(), ensure_ascii=False, indent=1) + "\n"
        try:
            atomic_write(Path(path), data.encode("utf-8"))
        except WriteFailed as exc:
            raise MappingError(exc.message) from exc
        return Path(path)
    try:
        settings.update(lambda s: replace(s, ledger_mapping=mapping.as_json()))
    except settings.SettingsError as exc:
        raise MappingError(exc.message) from exc
    return saved_mapping_path()


def load_saved_mapping() -> ColumnMapping | None:
    """The remembered mapping, or None when there is none. Raises MappingError when it cannot be used."""
    broken = settings.legacy_mapping_problem()
    if broken is not None:
        return load_mapping(broken)  # raises, naming the file as before
    data = settings.load_settings().settings.ledger_mapping
    return None if data is None else mapping_from_json(data, "记住的台账列对应关系")


def set_aside_saved_mapping() -> Path | None:
    """Put an unusable remembered mapping out of the way (kept for whoever wants to look at it, never read again),
    so that the next mapping the clerk gives is remembered in its place. Returns the file it is kept in, or None
    when there was nothing to put aside or it could not be kept.

    The old ledger-mapping.json (before settings.json) is renamed; one in the settings is written to a file of its
    own beside them and removed from the settings.
    """
    legacy = legacy_mapping_path()
    if not settings.settings_path().exists() and legacy.exists():
        return settings.set_aside(legacy)
    data = settings.load_settings().settings.ledger_mapping
    if data is None:
        return None
    kept = legacy.with_name(f"{legacy.stem}.unreadable-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}{legacy.suffix}")
    try:
        atomic_write(kept, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
        settings.update(lambda s: replace(s, ledger_mapping=None))
    except (WriteFailed, settings.SettingsError):
        return None
    return kept


# ---------------------------------------------------------------------------------------------------------------
# The header row
# ---------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HeaderMatch:
    """Where the header row is (0-based index into the sheet's rows) and the column index of each field."""

    row: int
    columns: dict[str, int]


class HeaderProblem(UserError):
    """A header row has a field twice; `message` (Chinese) says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def match_header(cells: Sequence[object], mapping: ColumnMapping | None = None) -> dict[str, int] | None:
    """The column of each field in one row of headers, or None when a field is missing.

    Raises HeaderProblem when the header chosen for a field appears in two columns.
    """
    mapping = mapping or ColumnMapping()
    normalized = [normalize_header(c) for c in cells]
    columns: dict[str, int] = {}
    for f in FIELDS:
        for header in mapping.headers_for(f.key):
            wanted = normalize_header(header)
            found = [i for i, text in enumerate(normalized) if text == wanted]
            if len(found) > 1:
                letters = "、".join(_letter(i) for i in found)
                raise HeaderProblem(f"表头“{header}”出现了{len(found)}次（第{letters}列），"
                                    f"无法确定哪一列是{f.label}。请用列对应关系指定。")
            if found and found[0] not in columns.values():
                columns[f.key] = found[0]
                break
        else:
            return None
    return columns


def locate_header(rows: Sequence[Sequence[object]], mapping: ColumnMapping | None = None) -> HeaderMatch | None:
    """The first of the top rows that holds every field's header (None if none does). May raise HeaderProblem.

    A header in two rows (办理情况 merged over 办理结果 and 办结日期, 收到日期 merged down) is read as one: each
    column's lower text, or the upper one where the lower is empty.
    """
    top = rows[:HEADER_SCAN_ROWS]
    for index, row in enumerate(top):
        columns = match_header(row, mapping)
        if columns is not None:
            return HeaderMatch(index, columns)
        if index + 1 < len(top):
            columns = match_header(_stacked(row, top[index + 1]), mapping)
            if columns is not None:
                return HeaderMatch(index + 1, columns)
    return None


def _stacked(upper: Sequence[object], lower: Sequence[object]) -> list[object]:
    width = max(len(upper), len(lower))
    upper = [*upper, *([None] * (width - len(upper)))]
    lower = [*lower, *([None] * (width - len(lower)))]
    return [b if b is not None and str(b).strip() else a for a, b in zip(upper, lower, strict=True)]


def missing_fields(cells: Sequence[object], mapping: ColumnMapping | None = None) -> list[str]:
    """The labels of the fields a row of headers lacks (for the message when no header row is found)."""
    normalized = {normalize_header(c) for c in cells}
    mapping = mapping or ColumnMapping()
    return [f.label for f in FIELDS
            if not any(normalize_header(h) in normalized for h in mapping.headers_for(f.key))]


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


@dataclass
class LedgerSheet:
    """One sheet (or a CSV file) of a ledger: its rows as read, where its header is, and its date system."""

    name: str | None   # the worksheet's name; None for a CSV file
    rows: list[tuple[object, ...]]
    header: HeaderMatch
    epoch: date = date(1899, 12, 30)  # day 0 of Excel serial dates (1904 system: 1904-01-01)
