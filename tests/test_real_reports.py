"""Real published reports (numbers copied from ../shared/reports into tests/fixtures as drafts)."""

from __future__ import annotations

from decimal import Decimal

from models.findings import Severity
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft


def test_sample_report_all_zeros_no_findings(sample_path):
    report = load_draft(sample_path)
    assert report.meta.agency == "铜官区招商服务中心" and report.meta.year == 2023
    assert report.meta.level == "县级政府部门"
    assert all(report.number(k) == 0 for k in report.cells)
    assert len(report.cells) == 200
    assert [f.rule for f in evaluate(report)] == ["W-DATE"]  # the report as published carries no date
    assert report.texts["s1.requests"] == "2023年，区招商服务中心无依申请公开事项。"
    assert "信息公开处理费" in report.section_text("s6")


def test_huaian_2024_is_consistent(huaian_path):
    report = load_draft(huaian_path)
    assert report.number("t2.penalty.decisions") == 3985758
    assert report.cells["t2.fees.amount"] == Decimal("96171.6") and str(report.cells["t2.fees.amount"]) == "96171.6"
    assert report.number("t3.new.total") == 3119 and report.number("t3.handled_total.total") == 3050
    assert report.number("t4.review.total") == 351
    assert [f.rule for f in evaluate(report)] == ["W-DATE"]  # the report as published carries no date


def test_huaian_text_accepted_reading_received_as_new(huaian_path):
    """受理3119件 = 新收 alone; 答复3050件 = 办理结果总计; 行政诉讼46件 = 26 + 20."""
    report = load_draft(huaian_path)
    assert "受理政府信息公开申请 3119 件" in report.texts["s1.requests"]
    assert not [f for f in evaluate(report) if f.rule.startswith("TXT-")]
    report.set("t3.new.total", 3118)
    report.set("t3.new.natural", 3000)
    assert "TXT-RECEIVED" in {f.rule for f in evaluate(report)}


def test_pingtan_2022_received_is_new_plus_carried(pingtan_path):
    """收到75件 = 新收74 + 上年结转1: the other reading of 收到, no TXT warning."""
    report = load_draft(pingtan_path)
    assert report.number("t3.new.total") == 74 and report.number("t3.carried_in.total") == 1
    assert "收到政府信息公开申请75件" in report.texts["s1.requests"]
    findings = evaluate(report)
    assert not [f for f in findings if f.severity is not Severity.INFO]
    assert not [f for f in findings if f.rule.startswith("TXT-")]


def test_pingtan_broken_by_hand_shows_the_actual_numbers(pingtan_path):
    report = load_draft(pingtan_path)
    report.set("t3.handled_total.natural", 71)
    messages = [f.message for f in evaluate(report) if f.rule == "T3-A"]
    assert messages == ["表三·自然人列：新收71＋上年结转1＝72，但办理结果总计71＋结转下年度0＝71，相差1。"
                        "最可能填错的是“表三·办理结果总计·自然人”（71）：它所在的行和列都不平。"]
