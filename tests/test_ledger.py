"""Table 三 from an application ledger: counts, the rules, unclassifiable rows, CSV encodings, Excel dates, mappings."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from importers.ledger_reader import LedgerReadError, read_ledger
from models.findings import Severity
from models.format import format2021 as fmt
from models.rules.rule_set import evaluate
from models.tools.ledger import RowRef, compute_table3, table3_findings
from tests.builders import zero_report
from tests.ledger_builders import (
    HEADER,
    expected_cells,
    ledger_rows,
    make_cases,
    write_csv,
    write_xlsx,
)

YEAR = 2024
TODAY = date(YEAR + 1, 6, 30)


def table3(path, mapping=None, year=YEAR):
    ledger = read_ledger(path, mapping)
    return compute_table3(ledger.sheets, year, mapping, today=TODAY)


def test_500_applications_give_exactly_the_expected_table_which_passes_every_rule(tmp_path):
    cases = make_cases(500, YEAR, seed=1)
    assert {c.scenario for c in cases} == {"before", "carried_closed", "carried_open", "new_closed", "new_open",
                                           "after"}
    path = write_xlsx(tmp_path / "台账.xlsx", ledger_rows(cases, seed=1))
    result = table3(path)
    assert result.problems == []
    assert result.cells == expected_cells(cases)
    outside = sum(1 for c in cases if c.scenario in ("before", "after"))
    assert (result.counted, result.outside, result.rows_read) == (500 - outside, outside, 500)
    assert result.cells[fmt.t3("handled_total", "total")] > 100  # the year is not trivially empty
    report = zero_report(YEAR)
    assert set(result.changes(report)) == {k for k, v in result.cells.items() if v}
    result.apply_to(report)
    assert result.changes(report) == {}
    assert [f for f in evaluate(report) if f.severity is Severity.ERROR] == []
    assert table3_findings(result.to_report()) == []


def test_each_counted_cell_names_its_rows(tmp_path):
    cases = make_cases(60, YEAR, seed=2)
    path = write_xlsx(tmp_path / "台账.xlsx", ledger_rows(cases, seed=2), title=None)
    result = table3(path)
    for i, case in enumerate(cases):
        where = RowRef("台账", i + 2)  # row 1 is the header
        key = fmt.t3(case.result, case.applicant) if case.scenario in ("carried_closed", "new_closed") else None
        if key:
            assert where in result.sources[key]
    for key, rows in result.sources.items():
        assert result.cells[key] == len(rows)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk", "utf-16"])
def test_csv_in_every_encoding_excel_writes(tmp_path, encoding):
    cases = make_cases(200, YEAR, seed=3)
    path = write_csv(tmp_path / "台账.csv", ledger_rows(cases, seed=3, text_only=True), encoding=encoding,
                     delimiter="\t" if encoding == "utf-16" else ",")
    result = table3(path)
    assert result.problems == []
    assert result.cells == expected_cells(cases)


def test_csv_and_xlsx_of_the_same_ledger_agree(tmp_path):
    cases = make_cases(150, YEAR, seed=4)
    rows = ledger_rows(cases, seed=4, text_only=True)
    from_csv = table3(write_csv(tmp_path / "a.csv", rows, encoding="gbk"))
    from_xlsx = table3(write_xlsx(tmp_path / "a.xlsx", rows))
    assert from_csv.cells == from_xlsx.cells == expected_cells(cases)


def test_excel_date_cells_serial_numbers_and_the_1904_date_system(tmp_path):
    rows = [(1, datetime(2023, 12, 31, 18, 0), "自然人", "予以公开", date(2024, 1, 1)),
            (2, 45292, "科研机构", "", None),                       # 2024-01-01 as a serial number
            (3, date(2024, 12, 31), "商业企业", "部分公开", 45657.75)]  # 2024-12-31 18:00
    header = ("序号", "收到日期", "申请人类型", "办理结果", "办结日期")
    result = table3(write_xlsx(tmp_path / "dates.xlsx", rows, header=header, title=None))
    assert result.problems == []
    cells = {k: v for k, v in result.cells.items() if v and not k.endswith(".total")}
    assert cells == {"t3.carried_in.natural": 1, "t3.granted.natural": 1, "t3.handled_total.natural": 1,
                     "t3.new.research": 1, "t3.carried_out.research": 1, "t3.new.commercial": 1,
                     "t3.partial.commercial": 1, "t3.handled_total.commercial": 1}
    workbook = openpyxl.Workbook()
    workbook.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = workbook.active
    ws.append(header)
    ws.append((1, datetime(2024, 3, 1), "自然人", "", None))
    ws.append((2, (date(2024, 3, 2) - date(1904, 1, 1)).days, "自然人", "", None))  # a serial in the 1904 system
    workbook.save(tmp_path / "mac.xlsx")
    result = table3(tmp_path / "mac.xlsx")
    assert result.problems == [] and result.cells["t3.new.natural"] == 2


def test_unclassifiable_rows_are_listed_with_their_row_and_reason_and_not_counted(tmp_path):
    good = make_cases(40, YEAR, seed=5)
    rows = ledger_rows(good, seed=5, text_only=True)
    bad = [
        ("2024-03-01", "公民", "予以公开", "2024-03-05"),
        ("2024-03-01", "自然人", "同意公开", "2024-03-05"),
        ("2024-13-01", "自然人", "予以公开", "2024-03-05"),
        ("2024-03-10", "自然人", "予以公开", "2024-03-05"),
        ("2024-03-01", "自然人", "予以公开", ""),
        ("2024-03-01", "自然人", "", "2024-03-05"),
        ("2024-03-01", "自然人", "不予公开", "2024-03-05"),
        ("2024-03-01", "法人或其他组织", "予以公开", "2024-03-05"),
        ("2026-03-01", "自然人", "", ""),
        ("2024-03-01", "自然人", "办理中", "2024-03-05"),
        ("", "自然人", "予以公开", "2024-03-05"),
        ("2024-03-01", "", "予以公开", "2024-03-05"),
        ("2024-03-01", "自然人", "2.属于国家秘密", "2024-03-05"),
        ("2024-03-01", "自然人", "予以公开", "2024年3月"),
    ]
    first = len(rows) + 2  # header on row 1
    rows += [(0, r, a, "", res, c, "") for r, a, res, c in bad]
    rows.insert(10, ("", "", "", "", "", "", ""))  # a blank row is skipped, not a problem
    first += 1
    result = table3(write_csv(tmp_path / "bad.csv", rows))
    assert result.cells == expected_cells(good)
    assert result.blank_rows == 1
    assert [p.where.row for p in result.problems] == list(range(first, first + len(bad)))
    reasons = [p.reason for p in result.problems]
    expected_fragments = ["申请人类型“公民”不是表三的申请人类型", "办理结果“同意公开”不是表三的办理结果",
                          "收到日期“2024-13-01”不是有效的日期", "办结日期2024-03-05早于收到日期2024-03-10",
                          "有办理结果“予以公开”但没有办结日期", "有办结日期2024-03-05但没有办理结果",
                          "未写明是（三）不予公开中的哪一种情形", "未写明是哪一类法人或其他组织",
                          "晚于今天", "办理结果为“办理中”，却有办结日期", "没有收到日期", "没有申请人类型",
                          "办理结果“2.属于国家秘密”不是表三的办理结果", "办结日期“2024年3月”不是可识别的日期"]
    for reason, fragment in zip(reasons, expected_fragments, strict=True):
        assert fragment in reason
    assert str(result.problems[0]) == f"第{first}行：申请人类型“公民”不是表三的申请人类型（应为自然人、商业企业、" \
                                      "科研机构、社会公益组织、法律服务机构、其他之一）。"


def test_rows_outside_the_year_are_not_checked_further(tmp_path):
    rows = [(1, "2022-01-05", "公民", "同意公开", "2022-02-01"),      # closed before the year: not ours to judge
            (2, "2025-01-05", "公民", "", ""),                       # received after it
            (3, "2024-01-05", "自然人", "予以公开", "2024-01-06")]
    result = table3(write_csv(tmp_path / "a.csv", rows, header=HEADER[:3] + HEADER[4:6]))
    assert result.problems == [] and (result.counted, result.outside) == (1, 2)


def test_header_below_a_title_and_under_other_names(tmp_path):
    header = ("编号", "申请日期", "申请人类别", "处理结果", "答复日期")
    rows = [(1, "2024-01-05", "自然人", "予以公开", "2024-01-08")]
    path = write_xlsx(tmp_path / "a.xlsx", rows, header=header, title="2024年度依申请公开台账")
    ledger = read_ledger(path)
    assert ledger.sheets[0].header.row == 1
    assert ledger.sheets[0].header.columns == {"received": 1, "applicant": 2, "result": 3, "closed": 4}
    # When both 收到日期 and a variant are present, the canonical name wins.
    both = ("申请日期", "收到日期", "申请人类型", "办理结果", "办结日期")
    ledger = read_ledger(write_xlsx(tmp_path / "b.xlsx", [], header=both))
    assert ledger.sheets[0].header.columns["received"] == 1


def test_a_header_in_two_rows_with_merged_cells(tmp_path):
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(("序号", "收到日期", "申请人类型", "办理情况", None))
    ws.append((None, None, None, "办理结果", "办结日期"))
    for cells in ("A1:A2", "B1:B2", "C1:C2", "D1:E1"):
        ws.merge_cells(cells)
    ws.append((1, "2024-01-05", "自然人", "予以公开", "2024-01-08"))
    workbook.save(tmp_path / "two.xlsx")
    ledger = read_ledger(tmp_path / "two.xlsx")
    assert ledger.sheets[0].header.row == 1
    result = compute_table3(ledger.sheets, YEAR, today=TODAY)
    assert result.problems == [] and result.cells["t3.granted.natural"] == 1


def test_missing_or_doubled_header_is_explained(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [], header=("序号", "日期", "申请人类型", "办理结果", "办结日期"))
    with pytest.raises(LedgerReadError) as info:
        read_ledger(path)
    assert info.value.message == ("“a.xlsx”的工作表“台账”第2行的表头（序号、日期、申请人类型、办理结果、办结日期）"
                                  "缺少收到日期。请把表头改为这四个名称，或用列对应关系（--mapping）指明哪一列是哪一项。")
    path = write_xlsx(tmp_path / "b.xlsx", [], header=("收到日期", "申请人类型", "办理结果", "办结日期", "办结日期"))
    with pytest.raises(LedgerReadError) as info:
        read_ledger(path)
    assert "表头“办结日期”出现了2次（第D、E列）" in info.value.message


def test_every_visible_sheet_with_the_header_is_read(tmp_path):
    cases = make_cases(80, YEAR, seed=6)
    rows = ledger_rows(cases, seed=6)
    path = write_xlsx(tmp_path / "q.xlsx", rows[:40], sheet="一季度")
    workbook = openpyxl.load_workbook(path)
    second = workbook.create_sheet("二季度")
    second.append(HEADER)
    for row in rows[40:]:
        second.append(row)
    hidden = workbook.create_sheet("模板")
    hidden.append(HEADER)
    hidden.append((1, "2024-01-01", "自然人", "", "予以公开", "2024-01-02", ""))
    hidden.sheet_state = "hidden"
    workbook.create_sheet("说明").append(("填表说明",))
    workbook.save(path)
    ledger = read_ledger(path)
    assert [s.name for s in ledger.sheets] == ["一季度", "二季度"]
    assert "隐藏的工作表“模板”未读取。" in ledger.notices
    result = compute_table3(ledger.sheets, YEAR, today=TODAY)
    assert result.cells == expected_cells(cases)


@pytest.mark.parametrize(("content", "fragment"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00\x00", "旧版 Excel"),
    (b"PK\x03\x04broken", "已损坏"),
    (bytes(range(256)) * 4, "不是文本文件"),
    ("收到日期,申请人类型\n".encode("gbk") + b"\xff\xfe\xfd" * 3, "编码无法识别"),
])
def test_unreadable_files_are_refused_with_a_reason(tmp_path, content, fragment):
    path = tmp_path / "ledger.bin"
    path.write_bytes(content)
    with pytest.raises(LedgerReadError) as info:
        read_ledger(path)
    assert fragment in info.value.message and "ledger.bin" in info.value.message


def test_a_word_document_is_not_a_ledger(tmp_path):
    import docx

    docx.Document().save(tmp_path / "a.docx")
    with pytest.raises(LedgerReadError, match="是 Word 文档，不是台账"):
        read_ledger(tmp_path / "a.docx")


def test_applications_are_counted_by_date_not_by_year_alone():
    from models.tools.ledger import Application, tally

    where = RowRef(None, 1)
    found = [Application(where, date(2023, 12, 31), "natural", "granted", date(2024, 1, 1)),
             Application(where, date(2024, 12, 31), "natural", None, None),
             Application(where, date(2024, 6, 1), "natural", "granted", date(2025, 1, 1)),
             Application(where, date(2023, 5, 1), "natural", "granted", date(2023, 12, 31))]  # outside: ignored
    cells, _ = tally(found, 2024)
    assert {k: v for k, v in cells.items() if k.endswith(".natural") and v} == {
        "t3.new.natural": 2, "t3.carried_in.natural": 1, "t3.granted.natural": 1, "t3.handled_total.natural": 1,
        "t3.carried_out.natural": 2}

