"""The project's own real-layout corpus: Word reports laid out as real published ones are (the official merged layout,
tables typed by hand, the 2019 format, 2021 reports printing （六） as one row, an added 小计 column, table 四 as two
or three tables, texts with breakdown sentences), each with the truth: the report its author meant.

`build(folder)` writes the files; `measure(cases, checked)` compares what the batch check made of them with the truth:
cells imported exactly, real errors found of those present, false errors, false warnings. Used by
tests/test_truth_corpus.py (the targets) and benchmarks/bench_truth.py (the README's table and files per second).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cli.batch import Checked
from models.findings import Finding, Severity
from models.format import format2021 as fmt
from models.format.level_from_name import infer_level
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft
from tests.builders import consistent_report, fill_t3
from tests.docx_builders import Block, Table, grid_table, report_blocks, values_of, write_docx
from tests.docx_hands import HAZARD_CELLS, as_2019, blocks_2019, hazard_blocks, hazard_report, t3_2019

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = Path(__file__).parent.parent / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao"
OTHER_LEAVES = ("other_1", "other_2", "other_3")
SUITS = ("suit_direct", "suit_after_review")
#: The texts tests.docx_hands.hazard_blocks writes.
HAZARD_TEXTS = (fmt.PREAMBLE_KEY, "s1.intro", "s1.active", "s1.requests", "s5.problems", "s5.improvements", "s6")


@dataclass
class Case:
    name: str
    blocks: list[Block]
    truth: Report
    #: Warnings the layout itself causes and the checker must give (the rule ids, with their counts).
    by_design: Counter[str] = field(default_factory=Counter)


@dataclass
class Measured:
    files: int = 0
    exact: int = 0
    errors_present: int = 0
    errors_found: int = 0
    false_errors: list[str] = field(default_factory=list)
    false_warnings: list[str] = field(default_factory=list)
    inexact: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def _signed(blocks: list[Block], report: Report) -> list[Block]:
    day = report.meta.publish_date or date((report.meta.year or 2024) + 1, 1, 20)
    return [*blocks, report.meta.agency, f"{day.year}年{day.month}月{day.day}日"]


def _truth(report: Report) -> Report:
    """What a checker can know of the report from its Word file: the level only as far as the name tells it."""
    truth = report.copy()
    truth.meta.level = infer_level(truth.meta.agency) or ""
    truth.meta.publish_date = truth.meta.publish_date or date((truth.meta.year or 2024) + 1, 1, 20)
    return truth


def _official(name: str, report: Report, **options: bool) -> Case:
    return Case(name, _signed(report_blocks(report, **options), report), _truth(report))


def _replace_table(blocks: list[Block], index: int, *tables: Table) -> list[Block]:
    at = [i for i, b in enumerate(blocks) if isinstance(b, Table)][index]
    return [*blocks[:at], *tables, *blocks[at + 1:]]


def county_report(seed: int, other: int | None) -> Report:
    """A consistent county government report for 2023; `other`: what each cell of the three （六） rows holds
    (None: the random counts)."""
    report = consistent_report(seed, level="县级人民政府", year=2023)
    report.meta.agency = f"测试{seed}县人民政府"
    if other is not None:
        leaves = {(r, c): report.number(fmt.t3(r, c)) for r in fmt.T3_LEAF_ROWS for c in fmt.T3_PART_COLUMNS}
        leaves |= {(r, c): other for r in OTHER_LEAVES for c in fmt.T3_PART_COLUMNS}
        fill_t3(report, leaves, {c: report.number(fmt.t3("carried_out", c)) for c in fmt.T3_PART_COLUMNS},
                {c: report.number(fmt.t3("carried_in", c)) for c in fmt.T3_PART_COLUMNS})
    return report


def _single_other_row(name: str, report: Report) -> Case:
    """A 2021 report printing （六）其他处理 as one row (real county reports do)."""
    truth = _truth(report)
    blocks = _replace_table(_signed(report_blocks(report), report), 1, t3_2019(report))
    zero = all(report.number(fmt.t3(r, c.key)) == 0 for r in OTHER_LEAVES for c in fmt.T3_COLUMNS)
    if not zero:  # 3.其他 holds the row; 1. and 2. stay blank, marked unsplit: a warning each, by design
        for col in fmt.T3_COLUMNS:
            truth.set(fmt.t3("other_3", col.key), sum(report.number(fmt.t3(r, col.key)) for r in OTHER_LEAVES))
            for row in OTHER_LEAVES[:2]:
                truth.set(fmt.t3(row, col.key), None)
        truth.workspace.unsplit = frozenset(fmt.t3(r, c.key) for r in OTHER_LEAVES[:2] for c in fmt.T3_COLUMNS)
    return Case(name, blocks, truth, Counter() if zero else Counter({"V-SPLIT": 2}))


def _subtotal_column(name: str, report: Report) -> Case:
    official = grid_table("t3", values_of(report), merged=False)
    rows = [[*row[:9], "小计" if n == 2 else (str(sum(int(x) for x in row[4:9])) if n >= 3 else ""), *row[9:]]
            for n, row in enumerate(official.rows)]
    table = Table(rows, [(0, 0, 3, 3), (0, 3, 1, 8), (1, 4, 1, 6), (1, 10, 2, 1)])
    return Case(name, _replace_table(_signed(report_blocks(report), report), 1, table), _truth(report))


def _table4_split(name: str, report: Report, parts: tuple[tuple[str, ...], ...]) -> Case:
    """Table 四 typed as several Word tables, each holding the named blocks (行政复议 / 行政诉讼's two 起诉 blocks)."""
    tables = [_t4_part(report, blocks) for blocks in parts]
    return Case(name, _replace_table(_signed(report_blocks(report), report), 2, *tables), _truth(report))


def _t4_part(report: Report, blocks: tuple[str, ...]) -> Table:
    columns = [c.label for c in fmt.T4_COLUMNS]
    suits = [b for b in blocks if b != "review"]
    top = (["行政复议"] * len(columns) if "review" in blocks else []) + ["行政诉讼"] * (len(columns) * len(suits))
    middle = (["行政复议"] * len(columns) if "review" in blocks else []) + [
        fmt.T4_BLOCK_BY_KEY[b].label for b in suits for _ in columns]
    heads = columns * len(blocks)
    numbers = [str(report.number(fmt.t4(b, c.key))) for b in blocks for c in fmt.T4_COLUMNS]
    rows = [top, middle, heads, numbers] if suits else [top, heads, numbers]
    return Table([list(r) for r in rows])


def _texts(name: str, report: Report, texts: Callable[[Report], dict[str, str]]) -> Case:
    report = report.copy()
    report.texts.update(texts(report))
    return _official(name, report)


def _breakdown(report: Report) -> dict[str, str]:
    """办结…N件，其中公开答复…件…: the numbers after 其中 are parts, not the total."""
    handled, granted = report.number("t3.handled_total.total") or 0, report.number("t3.granted.total") or 0
    return {"s1.requests": f"本年度办结依申请{handled}件，其中予以公开{granted}件，其他{handled - granted}件。"}


def _nearest_number(report: Report) -> dict[str, str]:
    """Two numbers in a sentence: each keyword goes with its own (the in-force count is wrong here: a real warning)."""
    issued, in_force = report.number("t2.normative.issued") or 0, (report.number("t2.normative.in_force") or 0) + 7
    return {"s1.normative": f"本年度制发规范性文件{issued}件，现行有效件数{in_force}件。"}


def cases() -> list[Case]:
    """The corpus: every layout of the real reports this project has met, with real errors in some."""
    huaian = load_draft(FIXTURES / "huaian-city-gov-2024.nianbao")
    pingtan = load_draft(FIXTURES / "pingtan-2022.nianbao")
    sample = load_draft(SAMPLE)
    broken_t3 = pingtan.copy()
    broken_t3.set("t3.handled_total.natural", (pingtan.number("t3.handled_total.natural") or 0) - 1)  # T3-A, T3-B
    broken_t4 = huaian.copy()
    broken_t4.set("t4.review.total", (huaian.number("t4.review.total") or 0) + 2)  # T4-A
    old = sample.copy()
    old.meta.year = 2020
    result: list[Case] = [
        _official("淮安市人民政府2024·规范版式", huaian),
        _official("平潭2022·规范版式", pingtan),
        _official("铜官区招商服务中心2023·规范版式", sample),
        _official("淮安市人民政府2024·手工表格无合并", huaian, merged=False),
        _official("平潭2022·表三行列勾稽错误", broken_t3),
        _official("淮安市人民政府2024·表四总计错误", broken_t4),
        _single_other_row("县政府2023·（六）一行且为0", county_report(11, 0)),
        _single_other_row("县政府2023·（六）一行不为0", county_report(12, None)),
        _subtotal_column("县政府2023·表三加小计栏", county_report(13, None)),
        _table4_split("淮安市人民政府2024·表四分为复议、诉讼两表", huaian, (("review",), SUITS)),
        _table4_split("淮安市人民政府2024·表四诉讼在前", huaian, (SUITS, ("review",))),
        _table4_split("县政府2023·表四分为三表", county_report(14, None), (("review",), *((s,) for s in SUITS))),
        _texts("县政府2023·正文“其中”分项", county_report(15, 0), _breakdown),
        _texts("县政府2023·正文一句两个数（现行有效件数写错）", county_report(16, 0), _nearest_number),
    ]
    written = huaian.copy()
    written.texts.update(sample.texts)  # every sub-heading of 一 and 五 written
    hazard = hazard_report(written)
    for key, (_, value) in HAZARD_CELLS.items():
        hazard.set(key, value)  # what the hand left blank (— / ideographic spaces) is blank
    hazard.texts = {k: v for k, v in hazard.texts.items() if k in HAZARD_TEXTS}  # the texts that document holds
    result.append(Case("淮安市人民政府2024·手写的各种写法（全角、单位、空白、拆分表三）", hazard_blocks(written),
                       _truth(hazard)))
    result.append(Case("铜官区招商服务中心2020·2019年版格式", _signed(blocks_2019(old), old), _truth(as_2019(old))))
    return result


def build(folder: Path, corpus: list[Case] | None = None) -> tuple[list[Case], list[Path]]:
    corpus = corpus if corpus is not None else cases()
    paths = [write_docx(folder / f"{i:02d}-{case.name}.docx", case.blocks) for i, case in enumerate(corpus)]
    return corpus, paths


def _key(finding: Finding) -> str:
    return f"{finding.rule} {','.join(finding.cells)}"


def measure(corpus: list[Case], checked: list[Checked]) -> Measured:
    result = Measured(files=len(corpus))
    for case, outcome in zip(corpus, checked, strict=True):
        got = outcome.report
        if got is None:
            result.inexact.append(f"{case.name}: {outcome.error}")
            continue
        keys = case.truth.format.keys
        if got.template == case.truth.template and all(got.cells.get(k) == case.truth.cells.get(k) for k in keys):
            result.exact += 1
        else:
            wrong = [k for k in keys if got.cells.get(k) != case.truth.cells.get(k)]
            result.inexact.append(f"{case.name}: {got.template} {wrong[:5]}")
        truth = evaluate(case.truth)
        if not case.truth.meta.level:  # as the batch check: the Word layout does not print the level
            truth = [f for f in truth if not (f.rule == "V-META" and f.cells == (fmt.META_LEVEL,))]
        present = Counter(_key(f) for f in truth if f.severity is Severity.ERROR)
        found = Counter(_key(f) for f in outcome.findings if f.severity is Severity.ERROR)
        result.errors_present += sum(present.values())
        result.errors_found += sum((present & found).values())
        result.missed += [f"{case.name}: {k}" for k in (present - found)]
        result.false_errors += [f"{case.name}: {k}" for k in (found - present)]
        expected = Counter(_key(f) for f in truth if f.severity is Severity.WARNING)
        warned = Counter(_key(f) for f in outcome.findings if f.severity is Severity.WARNING)
        extra = warned - expected
        allowed = Counter(case.by_design)
        for key in list(extra.elements()):
            rule = key.split(" ", 1)[0]
            if allowed[rule] > 0:
                allowed[rule] -= 1
                continue
            result.false_warnings.append(f"{case.name}: {key}")
        result.missed += [f"{case.name}: {k} (warning)" for k in (expected - warned)]
    return result

