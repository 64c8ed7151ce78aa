"""Word reports in several hands, generated here from the format module, imported back: exact cells and notices."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from importers import load, read_report
from models.findings import Severity
from models.format import format2021 as fmt
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft
from tests.builders import consistent_report
from tests.docx_builders import grid_table, report_blocks, split_table, t3_row, values_of, write_docx, write_report
from tests.docx_hands import HAZARD_CELLS, T2_2019_CELLS, blocks_2019, hazard_blocks, hazard_report

LEVEL = "机关层级无法从 Word 文件中读出，请在基本信息中选择（用于检查规章一栏）。"


def texts_report(seed: int, sample_path: Path) -> Report:
    """A consistent report with the sample's full narrative (every sub-heading filled) and an s1 intro."""
    report = consistent_report(seed)
    report.texts.update(load_draft(sample_path).texts)
    report.texts["s1.intro"] = "2024年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。"
    return report


def cells_of(report: Report) -> dict[str, object]:
    return {k: report.cells.get(k) for k in fmt.ALL_CELL_KEYS}


def test_official_layout_reads_back_exactly(tmp_path, sample_path):
    report = texts_report(1, sample_path)
    imported = read_report(write_report(tmp_path / "official.docx", report))
    assert (imported.template, imported.source) == ("2021", "docx")
    assert imported.notices == [LEVEL]
    assert cells_of(imported.report) == cells_of(report)
    assert imported.report.texts == report.texts
    assert (imported.report.meta.agency, imported.report.meta.year) == ("测试市人民政府", 2024)
    assert [f.cells for f in evaluate(imported.report) if f.rule == "V-META"] == [(fmt.META_LEVEL,)]  # the notice
    imported.report.meta.level = report.meta.level  # chosen in 基本信息, as the notice asks
    report.meta.publish_date = None  # write_report writes no 落款
    assert evaluate(imported.report) == evaluate(report)


@pytest.mark.parametrize("fixture", ["huaian_path", "pingtan_path"])
def test_real_reports_written_to_word_import_with_no_error_but_the_level(fixture, request, tmp_path):
    """淮安市 may be a 设区的市 or a 县级市, 平潭综合实验区 is no unit: the level stays for the clerk to choose."""
    original = load_draft(request.getfixturevalue(fixture))
    report, notices = load(write_report(tmp_path / "real.docx", original))
    assert notices == [LEVEL]
    assert cells_of(report) == cells_of(original)
    assert report.texts == original.texts
    assert (report.meta.agency, report.meta.year) == (original.meta.agency, original.meta.year)
    errors = [(f.rule, f.cells) for f in evaluate(report) if f.severity is Severity.ERROR]
    assert errors == [("V-META", (fmt.META_LEVEL,))]  # what the notice asks for: Word does not print the level
    report.meta.level = original.meta.level
    report.meta.publish_date = original.meta.publish_date  # write_report writes no 落款
    assert evaluate(report) == evaluate(original)


def test_level_inferred_from_the_agency_name(tmp_path, sample_path):
    """铜官区招商服务中心: a 中心 of a 区 government, so a 县级政府部门 (the sample's own level), with a notice."""
    original = load_draft(sample_path)
    report, notices = load(write_report(tmp_path / "real.docx", original))
    assert notices == ["机关层级按机关名称“铜官区招商服务中心”推定为“县级政府部门”，"
                       "如有不符请在基本信息中改正（用于检查规章一栏）。"]
    assert report.meta.level == original.meta.level == "县级政府部门"
    assert cells_of(report) == cells_of(original)
    report.meta.publish_date = original.meta.publish_date  # write_report writes no 落款
    assert evaluate(report) == evaluate(original)


def test_real_numbers_in_hand_made_tables(tmp_path, huaian_path):
    """The Huaian figures (3,985,758 行政处罚, 96171.6 万元) in unmerged tables: the same cells, no error."""
    original = load_draft(huaian_path)
    report, _ = load(write_report(tmp_path / "hand.docx", original, merged=False))
    assert report.number("t2.penalty.decisions") == 3985758
    assert str(report.cells["t2.fees.amount"]) == "96171.6"
    assert cells_of(report) == cells_of(original)
    errors = [(f.rule, f.cells) for f in evaluate(report) if f.severity is Severity.ERROR]
    assert errors == [("V-META", (fmt.META_LEVEL,))]  # only the level, which Word does not print


def test_every_hazard_lands_in_the_right_cell(tmp_path, sample_path):
    report = hazard_report(texts_report(3, sample_path))
    report.meta.agency = "测试县交通运输局"
    imported = read_report(write_docx(tmp_path / "hazards.docx", hazard_blocks(report)))
    expected = cells_of(report) | {key: value for key, (_, value) in HAZARD_CELLS.items()}
    assert cells_of(imported.report) == expected
    assert imported.template == "2021"
    assert imported.notices == [
        "文末落款“测试县交通运输局 2025年1月20日”未计入“六、其他需要报告的事项”。",
        "机关层级按机关名称“测试县交通运输局”推定为“县级政府部门”，如有不符请在基本信息中改正（用于检查规章一栏）。",
        "表二·规章·现行有效件数：已去掉“件”，按124填写。",
        "表三·本年新收·自然人：已去掉“件”，按1234填写。",
        "表四·行政复议·结果维持：已去掉“件”，按3填写。",
        "表二有3个单元格空白（或填的是“—”“/”），已留空：表二·规章·本年废止件数、表二·行政规范性文件·本年废止件数、"
        "表二·行政规范性文件·现行有效件数。空白不等于0，请填写数字。",
        "表三有3个单元格空白（或填的是“—”“/”），已留空：表三·（三）不予公开3.危及“三安全一稳定”·科研机构、"
        "表三·（五）不予处理2.重复申请·其他、表三·（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其"
        "政府信息公开申请·社会公益组织。空白不等于0，请填写数字。",
        "“（一）主动公开方面”按原文保留，对应“（一）主动公开情况”。",
        "“（一）主要问题”按原文保留，对应“（一）存在的问题”。",
        "“（二）改进措施”按原文保留，对应“（二）改进情况”。",
    ]
    assert imported.report.headings == {"s1.active": "（一）主动公开方面", "s5.problems": "（一）主要问题",
                                        "s5.improvements": "（二）改进措施"}
    meta = imported.report.meta
    assert (meta.agency, meta.year, meta.publish_date) == ("测试县交通运输局", 2024, date(2025, 1, 20))
    texts = imported.report.texts
    assert texts["s1.active"] == report.texts["s1.active"]
    assert texts["s1.requests"] == report.texts["s1.requests"]  # after the inline heading （二）依申请公开情况。
    assert texts["s5.problems"] == report.texts["s5.problems"]
    assert texts["s6"] == report.texts["s6"]  # the signature is not part of it
    assert "s1.management" not in texts


def test_2019_format(tmp_path, sample_path):
    report = texts_report(5, sample_path)
    imported = read_report(write_docx(tmp_path / "2019.docx", blocks_2019(report)))
    assert imported.template == "2019" and imported.report.template == "2019"  # a 2019 report, by its own format
    other = {col.key: sum(report.number(fmt.t3(f"other_{i}", col.key)) for i in (1, 2, 3)) for col in fmt.T3_COLUMNS}
    expected = {k: v for k, v in cells_of(report).items()
                if k.startswith(("t3.", "t4.")) and not k.startswith("t3.other_")}
    expected |= {fmt.t3("other_handling", c): v for c, v in other.items()}  # the 2019 row of its own
    expected |= T2_2019_CELLS  # table 二 by the 2019 format's own rows and columns
    assert {k: v for k, v in imported.report.cells.items()} == {k: v for k, v in expected.items() if v is not None}
    assert not [k for k in imported.report.format.keys if imported.report.is_blank(k)], "every cell of its format"
    assert imported.notices == [
        "这是2019年版格式（国办公开办函〔2019〕60号）的报告，按2019年版格式导入和检查（表二的栏目与2021年版不同，"
        "按原报告的栏目导入）。",
        LEVEL,
    ]
    assert not [f for f in evaluate(imported.report) if f.severity is Severity.ERROR and f.rule != "V-META"]
    # Above all, the carry-over figure.
    assert imported.report.number("t3.carried_out.total") == report.number("t3.carried_out.total")


def test_table_three_split_over_two_tables(tmp_path, sample_path):
    """A page break inside （三）不予公开: the group label does not repeat and the merges are cut in two."""
    report = texts_report(6, sample_path)
    blocks = report_blocks(report)
    at = next(i for i, b in enumerate(blocks) if not isinstance(b, str) and len(b.rows) == fmt.GRIDS["t3"].rows)
    first, second = split_table(blocks[at], t3_row("withheld_5"))
    blocks[at: at + 1] = [first, second]
    imported = read_report(write_docx(tmp_path / "split.docx", blocks))
    assert imported.notices == [LEVEL]
    assert cells_of(imported.report) == cells_of(report)


def test_no_tables_imports_the_text_and_says_the_tables_must_be_typed(tmp_path, sample_path):
    report = texts_report(7, sample_path)
    imported = read_report(write_report(tmp_path / "image-tables.docx", report, tables=False))
    assert imported.report.cells == {}
    assert imported.report.texts == report.texts
    assert imported.notices == [LEVEL,
                                "没有找到可识别的表格（可能是以图片形式插入的），表二、表三、表四的数字须手工填写。"]


def test_only_table_three_missing(tmp_path):
    report = consistent_report(8)
    blocks = [b for b in report_blocks(report) if isinstance(b, str) or len(b.rows) != fmt.GRIDS["t3"].rows]
    imported = read_report(write_docx(tmp_path / "no-t3.docx", blocks))
    assert imported.notices[1:] == [
        "没有找到表三（三、收到和处理政府信息公开申请情况）的表格（可能是以图片形式插入的），表三的数字须手工填写。",
    ]
    assert imported.report.number("t4.review.total") == report.number("t4.review.total")
    assert not [k for k in imported.report.cells if k.startswith("t3.")]


def test_columns_are_found_by_their_headings_not_their_place(tmp_path):
    """Table 三 with 总计 first and 自然人 last, table 四 with 复议后起诉 before 未经复议直接起诉."""
    report = consistent_report(9)
    t3 = grid_table("t3", values_of(report), merged=False)
    order = [0, 1, 2, 9, 4, 5, 6, 7, 8, 3]  # swap the 自然人 and 总计 columns
    t3.rows = [[row[i] for i in order] for row in t3.rows]
    t4 = grid_table("t4", values_of(report), merged=False)
    order4 = [*range(5), *range(10, 15), *range(5, 10)]
    t4.rows = [[row[i] for i in order4] for row in t4.rows]
    t2 = grid_table("t2", values_of(report))
    blocks = ["测试市人民政府2024年政府信息公开工作年度报告", "二、主动公开政府信息情况", t2,
              "三、收到和处理政府信息公开申请情况", t3, "四、政府信息公开行政复议、行政诉讼情况", t4]
    imported = read_report(write_docx(tmp_path / "columns.docx", blocks))
    assert cells_of(imported.report) == cells_of(report)
    assert not [n for n in imported.notices if "顺序" in n]


def test_tables_without_headings_are_read_in_the_official_order_and_say_so(tmp_path):
    report = consistent_report(10)
    t3 = grid_table("t3", values_of(report), merged=False)
    t3.rows = t3.rows[fmt.T3_HEADER_ROWS:]
    t4 = grid_table("t4", values_of(report), merged=False)
    t4.rows = t4.rows[3:]
    blocks = ["测试市人民政府2024年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", t3,
              "四、政府信息公开行政复议、行政诉讼情况", t4]
    imported = read_report(write_docx(tmp_path / "no-headings.docx", blocks))
    assert {k: v for k, v in cells_of(imported.report).items() if not k.startswith("t2.")} == {
        k: v for k, v in cells_of(report).items() if not k.startswith("t2.")}
    assert imported.notices[2:4] == [
        "表四的列标题无法识别，已按“行政复议、未经复议直接起诉、复议后起诉”各“结果维持、结果纠正、其他结果、"
        "尚未审结、总计”的顺序读取数字，请核对。",
        "表三没有可识别的列标题，已按“自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计”的"
        "顺序读取数字，请核对。",
    ]


def test_unreadable_and_conflicting_cells(tmp_path):
    report = consistent_report(11)

    def value(key: str) -> str:
        return {"t3.granted.natural": "十二", "t2.fees.amount": "3940元"}.get(key, values_of(report)(key))

    t3 = grid_table("t3", value, merged=False)
    again = list(t3.rows[t3_row("carried_out")])
    again[3] = str(report.number("t3.carried_out.natural") + 1)
    t3.rows.append(again)  # the last row typed twice, with a different figure
    blocks = ["测试市人民政府2024年政府信息公开工作年度报告", "二、主动公开政府信息情况", grid_table("t2", value),
              "三、收到和处理政府信息公开申请情况", t3]
    imported = read_report(write_docx(tmp_path / "bad-cells.docx", blocks))
    cells = imported.report.cells
    assert str(cells["t3.granted.natural"]) == "十二" and cells["t2.fees.amount"].raw == "3940元"
    assert cells["t3.carried_out.natural"] == report.number("t3.carried_out.natural")
    natural = report.number("t3.carried_out.natural")
    assert imported.notices[1:] == [
        "没有找到表四（四、政府信息公开行政复议、行政诉讼情况）的表格（可能是以图片形式插入的），表四的数字须手工填写。",
        f"表三·结转下年度·自然人出现了两次（“{natural}”和“{natural + 1}”），已采用第一次的“{natural}”，请核对。",
        "表二·行政事业性收费：“3940元”的单位是元，本栏单位为万元，请换算后填写（1万元＝10000元）。已原样保留，请改正。",
        "表三·（一）予以公开·自然人：“十二”不是数字。已原样保留，请改正。",
        "没有找到“一、总体情况”部分，其正文留空。",
        "没有找到“五、存在的主要问题及改进情况”部分，其正文留空。",
        "没有找到“六、其他需要报告的事项”部分，其正文留空。",
    ]
    assert "V-1" in {f.rule for f in evaluate(imported.report)}


def test_amount_digits_are_kept_exactly(tmp_path):
    report = consistent_report(12)
    report.set("t2.fees.amount", Decimal("24252.311082"))
    imported, _ = load(write_report(tmp_path / "amount.docx", report))
    assert str(imported.cells["t2.fees.amount"]) == "24252.311082"


def test_a_label_wrapped_onto_a_second_table_row(tmp_path):
    """As PDF-to-Word converters write it: the label's second half and the numbers on a row of their own."""
    report = consistent_report(13)
    t3 = grid_table("t3", values_of(report), merged=False)
    at = t3_row("partial")
    label = fmt.T3_ROW_BY_KEY["partial"].label
    first = ["", label[:12]] + [""] * (len(t3.rows[at]) - 2)
    second = ["", label[12:], *t3.rows[at][2:]]
    t3.rows[at:at + 1] = [first, second]
    blocks = ["测试市人民政府2024年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", t3]
    imported = read_report(write_docx(tmp_path / "wrapped-row.docx", blocks))
    t3_cells = {k: v for k, v in cells_of(report).items() if k.startswith("t3.")}
    assert {k: v for k, v in cells_of(imported.report).items() if k.startswith("t3.")} == t3_cells
    assert f"表三“{label[:12]}”一行的数字写在下一行（第1个表格第{at + 2}行），已按“{label[:12]}”导入，请核对。" \
        in imported.notices


def test_real_report_shapes_inline_heading_total_variant_units_and_a_huge_table(tmp_path):
    """`一、总体情况 2024年…` on one line, （七）合计 for （七）总计, `12 件` in every cell (one notice, not 175), and
    a 250×60 table of label-like text and numbers that is not one of ours (skipped quickly)."""
    import time

    import docx

    from importers import read_report
    from models.format import format2021 as fmt
    from tests.builders import consistent_report
    from tests.docx_builders import write_report

    report = consistent_report(7)
    path = write_report(tmp_path / "official.docx", report)
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        if paragraph.text == "一、总体情况":
            paragraph.text = "一、总体情况 全年工作平稳有序。"
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text == "（七）总计":
                    cell.text = "（七）合计"
                elif cell.text.isdigit():
                    cell.text = cell.text + " 件"
    import random

    rng = random.Random(1)
    labels = [r.label for r in fmt.T3_ROWS] + [c.label for c in fmt.T3_COLUMNS]
    big = document.add_table(rows=250, cols=60)
    for r, row in enumerate(big.rows):
        for c, cell in enumerate(row.cells):
            cell.text = rng.choice(labels) if c == 0 or r == 0 else str(rng.randrange(10**6))
    document.save(str(path))
    start = time.perf_counter()
    imported = read_report(path)
    assert time.perf_counter() - start < 10
    handled = fmt.t3("handled_total", "natural")
    assert imported.report.number(handled) == report.number(handled)
    assert imported.report.texts.get("s1.intro", "").startswith("全年工作平稳有序")
    unit_notices = [n for n in imported.notices if "件" in n and "去掉" in n]
    assert len(unit_notices) == 1 and "个单元格" in unit_notices[0]
