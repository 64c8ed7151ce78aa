"""Carry-over: a new report for the next year, seeded from last year's."""

from __future__ import annotations

from models.format import format2021 as fmt
from models.format.formats import CURRENT_TEMPLATE, format_of
from models.format.template_migrations import migrate_report
from models.report import Meta, Provenance, Report, text_digest

#: Draft extra key: last year's report as it was carried over from, so that X-1…X-4 keep working after the new
#: draft is saved, reopened or checked on the command line without --previous.
PREVIOUS_KEY = "previous_report"


def new_year_from(previous: Report, template: str = CURRENT_TEMPLATE) -> Report:
    """Year + 1, meta copied, 上年结转 = last year's 结转下年度, every other cell blank, texts copied as a start (with
    the clerk's wording of their sub-headings).

    The new report is of `template` (the current format), whatever last year's was; cells are carried by key, so a
    row the new format inserts or a label it renames moves nothing. Carried cells and texts are recorded in
    `provenance` so that the UI can tint them and X-4 can tell an unchanged section 五 from a rewritten one. When a
    template migration leads from last year's format to `template`, last year's report is read through it first
    (a renamed key carries under its new name); the report embedded is last year's as it was.
    """
    original, previous = previous, migrate_report(previous, until=template)
    year = previous.meta.year
    report = Report(meta=Meta(
        agency=previous.meta.agency,
        year=year + 1 if year else None,
        level=previous.meta.level,
        publish_date=None,
    ), template=format_of(template).id)
    for col in report.format.t3_columns:
        source, target = fmt.t3("carried_out", col.key), fmt.t3("carried_in", col.key)
        value = previous.number(source)
        if value is not None and target in report.format.cell_by_key:
            report.set(target, value)
            report.provenance[target] = Provenance(year, source)
    for key in fmt.ALL_TEXT_KEYS:
        text = previous.texts.get(key, "")
        if text:
            report.texts[key] = text
            report.provenance[f"text:{key}"] = Provenance(year, key, text_digest(text))
        if key in previous.headings and key in fmt.SUBHEADING_BY_KEY:
            report.set_heading(key, previous.headings[key])  # the clerk's wording of its sub-heading goes with it
    for section in fmt.NARRATIVE_SECTIONS:
        whole = previous.section_text(section)
        if whole:
            report.provenance[f"text:{section}"] = Provenance(year, section, text_digest(whole))
    embed_previous(report, original)
    return report


def embed_previous(report: Report, previous: Report) -> None:
    from models.storage.draft_format import to_document

    document = to_document(previous)
    for own in (PREVIOUS_KEY, "app", "autosave"):
        document.pop(own, None)  # one year back is enough: no chain of earlier years
    report.extra[PREVIOUS_KEY] = document


def embedded_previous(report: Report) -> Report | None:
    """Last year's report as embedded at carry-over (moved along any template migration), or None (absent or
    unreadable)."""
    from models.storage.draft_format import DraftContentError, from_document

    document = report.extra.get(PREVIOUS_KEY)
    if not isinstance(document, dict):
        return None
    try:
        return migrate_report(from_document(document))
    except (DraftContentError, ValueError, TypeError, AttributeError):
        return None
