"""The Word report as python-docx reads it back: tables against GRIDS, page, typography, fonts, blanks, options."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from docx import Document
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from exporters import DocxOptions, ExportError, ExportRefused, build_docx, export_docx
from exporters.fonts import OFFICIAL, STOCK
from models.format import format2021 as fmt
from models.report import Report
from models.rules.rule_set import RULES, evaluate
from models.storage.drafts import load_draft
from models.values import format_value
from tests.builders import consistent_report, zero_report
from tests.docx_grid import blocks, grid_columns

TABLES = ("t2", "t3", "t4")


def open_docx(report: Report, **options) -> Document:
    return Document(io.BytesIO(build_docx(report, options=DocxOptions(**options))))


def body_texts(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text]


@pytest.fixture
def huaian(huaian_path) -> Report:
    return load_draft(huaian_path)


@pytest.mark.parametrize("source", ["huaian", "zero", "random"])
def test_every_table_has_the_official_grid_merges_labels_and_values(source, huaian):
    report = {"huaian": huaian, "zero": zero_report(), "random": consistent_report(7)}[source]
    document = open_docx(report)
    assert len(document.tables) == 3
    for table_key, table in zip(TABLES, document.tables, strict=True):
        grid = fmt.GRIDS[table_key]
        assert grid_columns(table) == grid.columns
        assert len(table.rows) == grid.rows
        found = blocks(table)
        expected = {(c.row, c.col): c for c in grid.cells}
        assert set(found) == set(expected), table_key
        for corner, cell in expected.items():
            block = found[corner]
            assert (block.rowspan, block.colspan) == (cell.rowspan, cell.colspan), (table_key, cell)
            want = format_value(report.cells.get(cell.key)) if cell.is_input else cell.text
            assert block.text.replace("\n", "") == want, (table_key, cell)


def test_table_three_merges_as_the_spec_lists_them(huaian):
    found = blocks(open_docx(huaian).tables[1])
    spans = {b.text.replace("\n", ""): (b.rowspan, b.colspan) for b in found.values() if not b.text[:1].isdigit()}
    assert spans[fmt.T3_CORNER_NOTE] == (3, 3)
    assert spans[fmt.T3_APPLICANTS] == (1, 7)
    assert spans[fmt.T3_LEGAL_PERSONS] == (1, 5)
    assert spans["自然人"] == (2, 1) and spans["总计"] == (2, 1)
    assert spans[fmt.T3_RESULTS_BAND] == (22, 1)
    assert spans["（三）不予公开"] == (8, 1) and spans["（四）无法提供"] == (3, 1)
    assert spans["（五）不予处理"] == (5, 1) and spans["（六）其他处理"] == (3, 1)
    assert spans["一、本年新收政府信息公开申请数量"] == (1, 3) and spans["（七）总计"] == (1, 2)
    t4 = {b.text: (b.rowspan, b.colspan) for b in blocks(open_docx(huaian).tables[2]).values() if b.row < 2}
    assert t4["行政复议"] == (1, 5) and t4["行政诉讼"] == (1, 10)
    assert t4["未经复议直接起诉"] == (1, 5) and t4["复议后起诉"] == (1, 5) and t4["结果维持"] == (2, 1)


def test_blank_cells_stay_blank_and_zero_stays_zero():
    report = zero_report()
    for key in ("t3.granted.research", "t4.review.pending", "t2.rules.issued", fmt.AMOUNT_KEY):
        report.set(key, None)
    document = open_docx(report, allow_errors=True)
    texts = {}
    for table_key, table in zip(TABLES, document.tables, strict=True):
        for cell in fmt.GRIDS[table_key].cells:
            if cell.is_input:
                texts[cell.key] = blocks(table)[(cell.row, cell.col)].text
    assert texts["t3.granted.research"] == "" and texts["t3.granted.natural"] == "0"
    assert texts["t4.review.pending"] == "" and texts["t4.review.total"] == "0"
    assert texts["t2.rules.issued"] == "" and texts[fmt.AMOUNT_KEY] == ""


@pytest.mark.parametrize("amount", ["96171.6", "9116.30", "24252.311082", "0", "0.000001", "123456789012"])
def test_the_amount_keeps_the_clerks_digits(amount):
    report = zero_report()
    report.set(fmt.AMOUNT_KEY, Decimal(amount))
    table = open_docx(report).tables[0]
    row, col = fmt.GRIDS["t2"].position(fmt.AMOUNT_KEY)
    assert blocks(table)[(row, col)].text == amount


def test_page_is_a4_with_the_official_margins(huaian):
    section = open_docx(huaian).sections[-1]
    sizes = [section.page_width, section.page_height, section.top_margin, section.bottom_margin,
             section.left_margin, section.right_margin]
    assert [round(length.mm, 1) for length in sizes] == [210, 297, 37, 35, 28, 26]


def test_page_numbers_are_a_page_field_between_dashes_odd_right_even_left(huaian):
    document = open_docx(huaian)
    section = document.sections[-1]
    assert document.settings.odd_and_even_pages_header_footer
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        assert not footer.is_linked_to_previous
        [paragraph] = footer.paragraphs
        xml = paragraph._p.xml
        assert "PAGE" in "".join(t.text for t in paragraph._p.iter(qn("w:instrText")))
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert f'w:jc w:val="{side}"' in xml
        assert paragraph.runs[0].font.size == Pt(14)


def _run_fonts(run) -> dict[str, str]:
    r_fonts = run._r.find(qn("w:rPr")).find(qn("w:rFonts"))
    return {name: r_fonts.get(qn(f"w:{name}")) for name in ("ascii", "hAnsi", "eastAsia")}


def test_every_run_names_its_east_asian_font_by_role(huaian):
    huaian.meta.publish_date = date(2025, 1, 20)
    document = open_docx(huaian, checklist=True, signoff_sheet=True)
    expected = {"Title": OFFICIAL.title, "Heading1": OFFICIAL.heading1, "Heading2": OFFICIAL.heading2,
                "Normal": OFFICIAL.body, "ReportSignature": OFFICIAL.body}
    seen = set()
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            fonts = _run_fonts(run)
            assert fonts["eastAsia"], paragraph.text
            assert len(set(fonts.values())) == 1
            style = paragraph.style.style_id
            if style in expected and paragraph.text not in ("附件",) and "。" not in run.text[:12]:
                assert fonts["eastAsia"] == expected[style], (style, run.text)
                seen.add(style)
    assert seen == set(expected)
    for table in document.tables[1:4]:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        assert _run_fonts(run)["eastAsia"] == OFFICIAL.table
    for part in (document.sections[-1].footer, document.sections[-1].even_page_footer):
        for run in part.paragraphs[0].runs:
            assert _run_fonts(run)["eastAsia"] == OFFICIAL.page_number


def test_every_style_names_an_east_asian_font_and_no_theme_font(huaian):
    document = open_docx(huaian)
    styles = document.styles.element
    for r_fonts in styles.iter(qn("w:rFonts")):
        assert r_fonts.get(qn("w:eastAsia")), r_fonts.getparent().getparent().get(qn("w:styleId"))
        assert r_fonts.get(qn("w:eastAsiaTheme")) is None and r_fonts.get(qn("w:asciiTheme")) is None
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == OFFICIAL.body
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    by_id = {s.style_id: s for s in document.styles}
    assert by_id["Heading1"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert by_id["Heading2"].element.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"


def test_gbt_9704_typography(huaian):
    document = open_docx(huaian)
    by_id = {s.style_id: s for s in document.styles}
    normal = by_id["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert normal.paragraph_format.line_spacing == Pt(28)
    assert normal.paragraph_format.first_line_indent == Pt(32)
    assert normal.element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    title = by_id["Title"]
    assert title.font.size == Pt(22) and title.paragraph_format.alignment == 1  # centre
    assert title.paragraph_format.first_line_indent == 0
    for heading in ("Heading1", "Heading2"):
        assert by_id[heading].font.size == Pt(16) and not by_id[heading].font.bold
        assert by_id[heading].base_style.style_id == "Normal"
    table_font = by_id["ReportTableText"]
    assert table_font.font.size < Pt(16)


def test_title_headings_and_narrative_in_order(sample_path):
    report = load_draft(sample_path)
    document = open_docx(report)
    paragraphs = [p for p in document.paragraphs if p.text]
    assert paragraphs[0].style.style_id == "Title"
    assert paragraphs[0].text.replace("\n", "") == report.title
    headings = [p.text for p in paragraphs if p.style.style_id == "Heading1"]
    assert headings == [s.heading for s in fmt.SECTIONS]
    texts = [p.text for p in paragraphs]
    for section in fmt.SECTIONS:
        for sub in section.subheadings:
            body = report.text(sub.key)
            if body:
                first_line = next(line.strip(" \u3000") for line in body.split("\n") if line.strip())
                assert texts.index(sub.heading) < texts.index(first_line)
                assert texts.index(section.heading) < texts.index(sub.heading)
    if report.text(fmt.PREAMBLE_KEY):
        assert texts[1] == report.text(fmt.PREAMBLE_KEY).split("\n")[0].strip(" \u3000")


def test_a_long_title_breaks_after_the_agency_a_short_one_does_not(huaian):
    long_title = open_docx(huaian).paragraphs[0]
    assert long_title.text == "淮安市人民政府\n2024年政府信息公开工作年度报告"
    short = zero_report()
    short.meta.agency = "某局"
    assert open_docx(short).paragraphs[0].text == "某局2023年政府信息公开工作年度报告"


def test_typed_indentation_is_dropped_and_inline_subheadings_keep_their_font():
    report = zero_report()
    report.texts["s6"] = "\u3000\u3000第一段。\n\n  第二段。\n（一）信息处理费。本年未收取信息处理费。"
    document = open_docx(report)
    texts = body_texts(document)
    assert "第一段。" in texts and "第二段。" in texts
    inline = next(p for p in document.paragraphs if p.text.startswith("（一）信息处理费"))
    assert [_run_fonts(r)["eastAsia"] for r in inline.runs] == [OFFICIAL.heading2, OFFICIAL.body]


def test_a_report_with_errors_is_refused_unless_drafts_are_allowed(pingtan_path):
    report = load_draft(pingtan_path)
    report.set("t3.handled_total.natural", 71)
    with pytest.raises(ExportRefused) as refused:
        build_docx(report)
    assert "错误" in refused.value.message and "--allow-errors" in refused.value.message
    document = open_docx(report, allow_errors=True)
    assert document.paragraphs[0].text == "草稿（未通过校验）"
    header = document.sections[-1].header
    assert not header.is_linked_to_previous and header.paragraphs[0].text == "草稿（未通过校验）"
    clean = open_docx(load_draft(pingtan_path), allow_errors=True)
    assert "草稿" not in "".join(body_texts(clean))
    assert not clean.sections[-1].header.paragraphs or not clean.sections[-1].header.paragraphs[0].text


def test_optional_pages_are_off_by_default(huaian):
    document = open_docx(huaian)
    assert len(document.sections) == 1
    assert all(t not in body_texts(document) for t in ("自查清单", "审核签发单"))


def test_signoff_sheet_is_an_unnumbered_first_section(huaian):
    document = open_docx(huaian, signoff_sheet=True)
    assert len(document.sections) == 2
    cover, main = document.sections
    assert document.paragraphs[0].text == "审核签发单"
    assert all(not p.text for p in cover.footer.paragraphs + cover.even_page_footer.paragraphs)
    assert main.footer.paragraphs[0].text.startswith("— ")
    assert main._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    labels = [row.cells[0].text for row in document.tables[0].rows]
    assert labels[-3:] == ["拟稿", "审核", "签发"]
    assert document.tables[0].rows[0].cells[1].text == huaian.title


def test_checklist_lists_every_rule_with_its_outcome_and_the_notes(huaian):
    report = huaian
    report.texts.pop("s5.intro", None)
    report.texts.pop("s5", None)
    findings = evaluate(report)
    [warning] = [f for f in findings if f.rule == "W-3"]
    report.notes[warning.fingerprint] = "本年无新问题，已如实说明。"
    document = Document(io.BytesIO(build_docx(report, options=DocxOptions(checklist=True))))
    table = document.tables[-1]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [r[1].split(" ")[0] for r in rows] == [r.id for r in RULES]
    by_rule = {r[1].split(" ")[0]: r for r in rows}
    assert by_rule["T3-A"][2] == "通过" and by_rule["T3-A"][3] == "核对7个等式，均成立。"
    assert by_rule["T4-A"][3] == "核对“表四·行政复议：总计＝结果维持＋结果纠正＋其他结果＋尚未审结”，成立。"
    assert by_rule["W-3"][2] == "有警告" and "说明：本年无新问题，已如实说明。" in by_rule["W-3"][3]
    assert by_rule["X-1"][2] == "未核对" and by_rule["X-1"][3] == "未载入上年度报告，未作跨年度核对。"
    assert "附件" in body_texts(document) and "自查清单" in body_texts(document)


def test_stock_fonts_name_only_fonts_that_ship_with_windows(huaian):
    data = build_docx(huaian, options=DocxOptions(official_fonts=False, checklist=True, signoff_sheet=True))
    document = Document(io.BytesIO(data))
    xml = document.element.xml + document.styles.element.xml
    assert "GB2312" not in xml and "方正" not in xml
    fonts = {r.get(qn("w:eastAsia")) for r in document.element.iter(qn("w:rFonts"))}
    assert fonts == set(STOCK.names())


def test_official_fonts_declare_their_stock_alternative():
    report = zero_report()
    document = Document(io.BytesIO(build_docx(report)))
    part = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    text = part.blob.decode("utf-8")
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in text
    assert '<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>' in text


def test_export_writes_atomically_and_reports_failures_in_chinese(tmp_path, huaian):
    target = tmp_path / "报告.docx"
    assert export_docx(huaian, target) == target
    assert Document(str(target)).paragraphs[0].text.startswith("淮安市人民政府")
    with pytest.raises(ExportError) as failed:
        export_docx(huaian, tmp_path / "missing" / "报告.docx")
    assert "报告.docx" in failed.value.message and "文件夹不存在" in failed.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.docx"]


def test_control_characters_from_pasted_text_do_not_break_the_file():
    report = zero_report()
    report.texts["s6"] = "换页符\x0c之后\x0b垂直制表符\x01。"
    report.meta.agency = "某局\x0b"
    assert "换页符之后垂直制表符。" in body_texts(open_docx(report))
