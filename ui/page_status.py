"""Which wizard page a finding belongs to, and each page's status (未开始 / 进行中 / 有问题 / 已完成). No Qt."""

from __future__ import annotations

from models.findings import Finding, Severity, error_count
from models.format import format2021 as fmt
from models.report import Report
from models.tools.carried_text import unconfirmed_keys

NOT_STARTED, IN_PROGRESS, PROBLEMS, DONE = "未开始", "进行中", "有问题", "已完成"

#: The wizard's pages in order: key and sidebar title.
PAGES: tuple[tuple[str, str], ...] = (
    ("meta", "基本信息"),
    *((s.key if s.key not in ("s2", "s3", "s4") else "t" + s.key[1], s.heading) for s in fmt.SECTIONS),
    ("review", "检查与导出"),
)
PAGE_KEYS = tuple(key for key, _ in PAGES)
#: The sidebar's one-line names (the full title is the item's tooltip).
SHORT_TITLES: dict[str, str] = {
    "meta": "基本信息", "s1": "一 总体情况", "t2": "二 主动公开", "t3": "三 依申请公开", "t4": "四 复议诉讼",
    "s5": "五 问题改进", "s6": "六 其他事项", "review": "检查与导出",
}


def short_title(key: str) -> str:
    """The sidebar's name of page `key` (its full title for a page without a short one)."""
    return SHORT_TITLES.get(key) or dict(PAGES)[key]


def page_of(finding: Finding) -> str:
    """The page where the clerk fixes `finding`: the text for a number written in the narrative, else the table."""
    if finding.span is not None:
        return page_of_text(finding.span.text_key)
    if finding.cells:
        return finding.cells[0].split(".")[0]
    return finding.page if finding.page in PAGE_KEYS else "review"


def split_pending(findings: list[Finding], checked_pages: set[str]) -> tuple[list[Finding], list[Finding]]:
    """(findings to show as they are, blanks still "未填"): a blank on a page the clerk has not left yet is not yet
    an error — a new report is not a sea of red; it becomes one on leaving the page with it, or on exporting."""
    shown, pending = [], []
    for finding in findings:
        (pending if finding.blank and page_of(finding) not in checked_pages else shown).append(finding)
    return shown, pending


def page_status(page: str, report: Report, findings: list[Finding], pending: list[Finding] | None = None,
                unconfirmed: list[str] | None = None) -> str:
    """The sidebar status of `page`. Last year's text not yet confirmed (`unconfirmed`, computed here when None)
    keeps a page 进行中; for 检查与导出, so do blanks still 未填 (`pending`)."""
    unconfirmed = unconfirmed_keys(report) if unconfirmed is None else unconfirmed
    if page == "review":
        if error_count(findings):
            return PROBLEMS
        return IN_PROGRESS if pending or unconfirmed else DONE
    filled, total = _filled(page, report)
    if filled == 0:
        return NOT_STARTED  # an untouched page is not yet a problem, even though its blanks are V-1 findings
    if any(page_of(f) == page and f.severity is not Severity.INFO for f in findings):
        return PROBLEMS
    if any(page_of_text(key) == page for key in unconfirmed):
        return IN_PROGRESS  # last year's text, neither edited nor confirmed, is not this year's answer
    return DONE if filled == total else IN_PROGRESS


def page_of_text(text_key: str) -> str:
    """The page where a text is edited: 报告开头 on 基本信息, the others on their section's page."""
    return "meta" if text_key == fmt.PREAMBLE_KEY else text_key.split(".")[0]


def _filled(page: str, report: Report) -> tuple[int, int]:
    if page == "meta":
        meta = report.meta
        values = (meta.agency.strip(), meta.year, meta.level)
        return sum(1 for v in values if v), len(values)
    if page.startswith("t"):
        keys = [k for k in report.format.keys if k.startswith(page + ".")]
        return sum(1 for k in keys if report.cells.get(k) is not None), len(keys)
    section = fmt.SECTION_BY_KEY[page]
    if not section.subheadings:
        return (1 if report.text(section.key).strip() else 0), 1
    bodies = [report.text(sub.key).strip() for sub in section.subheadings]
    intro = report.text(section.intro_key).strip()
    if intro and not any(bodies):
        return 1, 1  # written as one text without the conventional sub-headings
    return sum(1 for b in bodies if b), len(bodies)
