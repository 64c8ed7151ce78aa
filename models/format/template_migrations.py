"""Template migrations, beside the schema migrations (models/storage/migrations.py): a report of an older format moved
to the format that replaces it for drafts, when it is read.

A schema migration changes how a draft file is written; a template migration changes which format a report is in.
Most formats never replace another for drafts: a 2021 report stays a 2021 report for ever, and a 2019 report a 2019
report (each is judged and laid out by its own format). A migration is declared only when drafts of one format are
to continue in another — say, a national format amended in the middle of a reporting year. `MIGRATIONS` is empty
today.

A migration moves every cell, text (with the clerk's wording of its sub-heading) and provenance by key (a key whose
meaning stays keeps its key, so it moves as it is; a key the new format renames is listed in `renamed`); a value
under a key the new format does not have is kept in the draft as an unknown cell (`Report.extra_cells`), never
dropped. The document as it was read is kept in the draft under `ORIGINAL_KEY` (the first original only), as a
schema upgrade keeps the file as it was.

Where it runs: `models.storage.drafts.load_draft` (a draft file), `models.tools.carryover.embedded_previous` (last
year's report inside a draft) and `importers.xlsx_reader` (the report in our workbook, after its cells are read by the
workbook's
own format). Carry-over (`models.tools.carryover.new_year_from`) migrates last year's report to the new report's format
before carrying cells, when a migration leads there.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from models.format.formats import format_of
from models.report import Report
from models.storage.draft_format import LEGACY_TEMPLATE, from_document, to_document

#: Draft extra key: the document as it was read before its first template migration.
ORIGINAL_KEY = "template_original"


@dataclass(frozen=True)
class TemplateMigration:
    """Reports of `source` continue as reports of `target`; `renamed` maps an old cell or text key to its new key."""

    source: str
    target: str
    renamed: Mapping[str, str] = field(default_factory=dict)

    def key(self, key: str) -> str:
        return self.renamed.get(key, key)


#: MIGRATIONS[t] moves a report of template t one step on. No format replaces another for drafts today.
MIGRATIONS: dict[str, TemplateMigration] = {}


def path_from(template: str, until: str | None = None,
              steps: Mapping[str, TemplateMigration] | None = None) -> list[TemplateMigration]:
    """The migrations from `template` on (up to `until` when given, [] when `until` is not on the way)."""
    steps = MIGRATIONS if steps is None else steps
    path: list[TemplateMigration] = []
    seen = {template}
    while template != until and template in steps:
        step = steps[template]
        if step.target in seen:  # pragma: no cover - a declared cycle is a programming error
            raise ValueError(f"template migrations loop at {step.target}")
        path.append(step)
        seen.add(template := step.target)
    if until is not None and template != until:
        return []
    return path


def migrate_document(doc: dict[str, Any], until: str | None = None,
                     steps: Mapping[str, TemplateMigration] | None = None) -> dict[str, Any]:
    """A draft document moved along the migrations from its template (to `until`, or as far as they go); the same
    document when there is none. The original is kept under ORIGINAL_KEY."""
    path = path_from(doc.get("template", LEGACY_TEMPLATE), until, steps)
    if not path:
        return doc
    moved = copy.deepcopy(doc)
    if ORIGINAL_KEY not in moved:
        moved[ORIGINAL_KEY] = {k: v for k, v in copy.deepcopy(doc).items() if k != ORIGINAL_KEY}
    for step in path:
        _apply(moved, step)
    return moved


def _apply(doc: dict[str, Any], step: TemplateMigration) -> None:
    format_of(step.target)  # UnknownTemplate now rather than a half-moved document
    doc["template"] = step.target
    for name in ("cells", "texts", "headings"):
        if isinstance(doc.get(name), dict):
            doc[name] = {step.key(k): v for k, v in doc[name].items()}
    known = format_of(step.target).cell_by_key
    if isinstance(doc.get("cells"), dict):  # a blank the new format has no cell for is nothing to keep
        doc["cells"] = {k: v for k, v in doc["cells"].items() if v is not None or k in known}
    if isinstance(doc.get("provenance"), dict):
        doc["provenance"] = {_provenance_key(step, k): v for k, v in doc["provenance"].items()}
    workspace = doc.get("workspace")
    if isinstance(workspace, dict) and isinstance(workspace.get("auto_sum"), list):  # the 自动合计 switches
        workspace["auto_sum"] = [step.key(k) if isinstance(k, str) else k for k in workspace["auto_sum"]]


def _provenance_key(step: TemplateMigration, key: str) -> str:
    if key.startswith("text:"):
        return "text:" + step.key(key.removeprefix("text:"))
    return step.key(key)


def migrate_report(report: Report, until: str | None = None,
                   steps: Mapping[str, TemplateMigration] | None = None) -> Report:
    """`report` moved along the migrations from its template (see `migrate_document`); the same object when there is
    none to apply. A read-only report (a newer app's draft) is never moved."""
    if report.read_only or not path_from(report.template, until, steps):
        return report
    moved = from_document(migrate_document(to_document(report), until, steps))
    moved.upgraded_from = report.upgraded_from
    return moved
