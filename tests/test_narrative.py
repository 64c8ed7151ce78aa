"""The 依申请公开 paragraph generated from table 三."""

from __future__ import annotations

import pytest

from models.format.narrative import IncompleteTable, requests_paragraph
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft
from tests.builders import consistent_report


def test_paragraph_from_huaian(huaian_path):
    report = load_draft(huaian_path)
    text = requests_paragraph(report)
    assert text.startswith("2024年，本年新收政府信息公开申请3119件，其中自然人3001件、法人或其他组织118件；")
    assert "上年结转34件" in text and "办结3050件，其中予以公开1362件、部分公开454件、不予公开178件" in text
    assert "无法提供781件、不予处理88件、其他处理187件" in text
    assert text.endswith("结转下年度继续办理103件。")


def test_generated_paragraph_agrees_with_the_tables():
    report = consistent_report(50)
    report.texts["s1.requests"] = requests_paragraph(report)
    assert not [f for f in evaluate(report) if f.rule.startswith(("TXT-", "W-4"))]


def test_incomplete_table_is_named():
    report = consistent_report(51)
    report.set("t3.carried_out.total", None)
    with pytest.raises(IncompleteTable, match="结转下年度"):
        requests_paragraph(report)
