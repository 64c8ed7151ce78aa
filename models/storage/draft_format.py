"""The draft file's JSON document: Report ⇄ dict, per the core other tools rely on.

`{"format": "gov-info-annual-report", "schema_version": 3, "template": "2021", "meta": {...}, "cells": {...},
"texts": {"s1": ..., "s5": ..., "s6": ...}, "notes": {...}}` plus keys of our own (provenance, app, `workspace`:
`{"auto_sum": [cell keys], "deadline": "YYYY-MM-DD" | null, "collection": {...} | null}`, `models.report.Workspace`,
and `headings`: `{"s5.problems": "（一）存在的主要问题："}`, the clerk's wording of a sub-heading, `Report.headings`;
the whole section texts are written with that wording), and any key we do not know is kept as it was.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from models.format import format2021 as fmt
from models.format.formats import Format, UnknownTemplate, format_of, known_templates
from models.report import Meta, Provenance, Report, Workspace, compose_section, split_section
from models.storage import migrations
from models.values import InvalidValue, coerce_loaded

FORMAT_ID = "gov-info-annual-report"
CORE_KEYS = ("format", "schema_version", "template", "meta", "cells", "texts", "notes")
OWN_KEYS = ("provenance", "app", "workspace", "headings")
WORKSPACE_KEYS = ("auto_sum", "deadline", "collection", "unsplit")
META_KEYS = ("agency", "year", "level", "publish_date")
#: The template of a draft that names none: drafts were written in the 2021 format before templates were stored.
LEGACY_TEMPLATE = fmt.TEMPLATE_ID


class DraftContentError(ValueError):
    """The JSON is a draft but a field is wrong; the message (Chinese) names the field."""


def to_document(report: Report, app_info: dict[str, Any] | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": FORMAT_ID,
        "schema_version": migrations.CURRENT_SCHEMA_VERSION,
        "template": report.template,
        "meta": {
            "agency": report.meta.agency,
            "year": report.meta.year,
            "level": report.meta.level,
            "publish_date": report.meta.publish_date.isoformat() if report.meta.publish_date else None,
            **report.extra_meta,
        },
        "cells": {key: _cell_json(report.cells.get(key)) for key in report.format.keys} | report.extra_cells,
        "texts": _texts_json(report),
        "notes": dict(report.notes),
        "provenance": {key: _provenance_json(p) for key, p in report.provenance.items()},
        "workspace": _workspace_json(report.workspace),
        "headings": dict(report.headings),
    }
    if app_info:
        doc["app"] = app_info
    for key, value in report.extra.items():
        doc.setdefault(key, value)
    return doc


def _cell_json(value: object) -> object:
    if isinstance(value, InvalidValue):
        return value.raw
    if isinstance(value, Decimal):
        return format(value, "f")  # plain digits, never 1E+2
    return value


def _texts_json(report: Report) -> dict[str, str]:
    texts: dict[str, str] = {}
    for section in fmt.SECTIONS:
        whole = report.section_text(section.key)
        if section.key in fmt.NARRATIVE_SECTIONS or whole:
            texts[section.key] = whole
        if section.subheadings:
            for key in fmt.text_keys(section.key):
                if report.texts.get(key):
                    texts[key] = report.texts[key]
    if report.texts.get(fmt.PREAMBLE_KEY):
        texts[fmt.PREAMBLE_KEY] = report.texts[fmt.PREAMBLE_KEY]
    known = set(fmt.ALL_TEXT_KEYS)
    texts.update({k: v for k, v in report.texts.items() if k not in known})
    return texts


def _workspace_json(workspace: Workspace) -> dict[str, Any]:
    return {
        "auto_sum": sorted(workspace.auto_sum),
        "deadline": workspace.deadline.isoformat() if workspace.deadline else None,
        "collection": workspace.collection,
        **({"unsplit": sorted(workspace.unsplit)} if workspace.unsplit else {}),
        **{k: v for k, v in workspace.extra.items() if k not in WORKSPACE_KEYS},
    }


def _provenance_json(p: Provenance) -> dict[str, Any]:
    data: dict[str, Any] = {"year": p.year, "source": p.source}
    if p.digest:
        data["digest"] = p.digest
    return data


# ---------------------------------------------------------------------------------------------------------------

def from_document(doc: dict[str, Any]) -> Report:
    """A Report from a draft document, upgraded first when of an older schema (last year's report embedded at
    carry-over keeps the schema it was written in). Raises DraftContentError naming the bad field."""
    version = doc.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version < migrations.CURRENT_SCHEMA_VERSION:
        try:
            doc = migrations.upgrade(dict(doc), migrations.CURRENT_SCHEMA_VERSION)
        except migrations.NoUpgradePath as exc:
            raise DraftContentError(f"无法从草稿格式版本{exc.version}升级。") from None
    format_ = template_format(doc)
    report = Report(meta=_meta(doc.get("meta")), template=format_.id)
    raw_meta = doc.get("meta") or {}
    report.extra_meta = {k: v for k, v in raw_meta.items() if k not in META_KEYS}
    cells = _mapping(doc, "cells")
    for key, raw in cells.items():
        if key in format_.cell_by_key:
            value = coerce_loaded(key, raw)
            if value is not None:
                report.cells[key] = value
        else:
            report.extra_cells[key] = raw
    report.texts, report.headings = _texts(_mapping(doc, "texts"), _headings(_mapping(doc, "headings")))
    report.notes = {str(k): _string(v, f"notes.{k}") for k, v in _mapping(doc, "notes").items()}
    for key, raw in _mapping(doc, "provenance").items():
        if isinstance(raw, dict):
            year = raw.get("year")
            report.provenance[str(key)] = Provenance(
                year if isinstance(year, int) and not isinstance(year, bool) else None,
                str(raw.get("source", "")), str(raw.get("digest", "")),
            )
    report.workspace = _workspace(doc.get("workspace"))
    report.extra = {k: v for k, v in doc.items() if k not in CORE_KEYS and k not in OWN_KEYS}
    return report


def lift_v1_workspace(report: Report) -> None:
    """Move version-1 workspace keys (`autosum`, `deadline`, `collection`) a caller put in `report.extra` into
    `report.workspace`, as the schema upgrade does for a file (a value that does not fit stays in `extra`)."""
    if not any(key in report.extra for key in migrations.V1_WORKSPACE_KEYS):
        return
    present = {k: v for k, v in _workspace_json(report.workspace).items() if v not in (None, [])}
    moved = migrations.UPGRADES[1]({**report.extra, "workspace": present})
    report.workspace = _workspace(moved.pop("workspace"))
    report.extra = moved


def _workspace(raw: object) -> Workspace:
    if raw is None:
        return Workspace()
    if not isinstance(raw, dict):
        raise DraftContentError("“workspace”应为键值表。")
    auto_sum = raw.get("auto_sum") or []
    if not isinstance(auto_sum, list) or not all(isinstance(k, str) for k in auto_sum):
        raise DraftContentError("“workspace.auto_sum”应为单元格键的列表。")
    deadline = raw.get("deadline")
    if deadline is not None:
        deadline = _date(deadline, "workspace.deadline", f"公开截止日期“{deadline}”应为YYYY-MM-DD格式。")
    collection = raw.get("collection")
    if collection is not None and not isinstance(collection, dict):
        raise DraftContentError("“workspace.collection”应为键值表。")
    unsplit = raw.get("unsplit") or []
    if not isinstance(unsplit, list) or not all(isinstance(k, str) for k in unsplit):
        raise DraftContentError("“workspace.unsplit”应为单元格键的列表。")
    return Workspace(auto_sum=frozenset(auto_sum), deadline=deadline, collection=collection, unsplit=frozenset(unsplit),
                     extra={k: v for k, v in raw.items() if k not in WORKSPACE_KEYS})


def template_format(doc: dict[str, Any]) -> Format:
    """The format a draft document names (none: the 2021 format). DraftContentError when it is not registered."""
    template = doc.get("template", LEGACY_TEMPLATE)
    try:
        return format_of(template)
    except UnknownTemplate:
        raise DraftContentError(
            f"报告格式模板“{template}”不受支持（本软件支持{known_templates()}格式），可能由更新版本的软件保存。"
        ) from None


def _mapping(doc: dict[str, Any], name: str) -> dict[str, Any]:
    value = doc.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise DraftContentError(f"“{name}”应为键值表。")
    return value


def _string(value: object, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DraftContentError(f"“{name}”应为文字。")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise DraftContentError(f"“{name}”包含无效的字符。") from None
    return value


def _meta(raw: object) -> Meta:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise DraftContentError("“meta”应为键值表。")
    year = raw.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2999):
        raise DraftContentError(f"报告年度“{year}”不是有效的年份。")
    published = raw.get("publish_date")
    publish_date = None
    if published is not None:
        publish_date = _date(published, "meta.publish_date", f"发布日期“{published}”应为YYYY-MM-DD格式。")
    return Meta(
        agency=_string(raw.get("agency"), "meta.agency"),
        year=year,
        level=_string(raw.get("level"), "meta.level"),
        publish_date=publish_date,
    )


def _date(raw: object, name: str, message: str) -> date:
    try:
        text = _string(raw, name)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError as exc:
        raise DraftContentError(message) from exc


def _headings(raw: dict[str, Any]) -> dict[str, str]:
    """The clerk's sub-heading wording: one line of text each; an empty or official one is no wording. A key that
    is no sub-heading of this version's is kept as it was (a round trip loses nothing), and used by nothing."""
    headings: dict[str, str] = {}
    for key, value in raw.items():
        wording = _string(value, f"headings.{key}").strip()
        if "\n" in wording or "\r" in wording:
            raise DraftContentError(f"“headings.{key}”应为一行文字。")
        sub = fmt.SUBHEADING_BY_KEY.get(str(key))
        if wording and (sub is None or wording != sub.heading):
            headings[str(key)] = wording
    return headings


def _texts(raw: dict[str, Any], headings: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The texts and the sub-heading wording: where another tool rewrote a whole section, the whole text wins and
    says the wording of that section's sub-headings too."""
    texts = {str(k): _string(v, f"texts.{k}") for k, v in raw.items()}
    headings = dict(headings)
    result: dict[str, str] = {}
    for section in fmt.SECTIONS:
        whole = texts.pop(section.key, None)
        if not section.subheadings:
            if whole:
                result[section.key] = whole
            continue
        parts = {k: texts.pop(k) for k in fmt.text_keys(section.key) if k in texts}
        if whole is None or compose_section(section.key, parts, headings) == whole:
            result.update({k: v for k, v in parts.items() if v})
        else:
            # Another tool rewrote the whole section: the whole text wins, split where that round-trips.
            split, worded = split_section(section.key, whole, headings)
            result.update({k: v for k, v in split.items() if v})
            for sub in section.subheadings:
                headings.pop(sub.key, None)
            headings.update(worded)
    result.update({k: v for k, v in texts.items() if v or k not in fmt.ALL_TEXT_KEYS})
    return result, headings
