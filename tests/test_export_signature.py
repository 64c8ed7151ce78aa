"""The Word 落款 (issue 12): agency and date when both are set, a blank date line to fill in by hand when the date is
not; a report without agency, year or level is not exported as an official report (V-META), by the app or the CLI."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from exporters import DocxOptions, ExportRefused, build_docx
from exporters.docx_body import DATE_PLACEHOLDER
from importers import read_report
from models.storage.drafts import save_draft
from tests.builders import zero_report
from tests.cli_runner import run


def _document(report, **options) -> Document:
    return Document(io.BytesIO(build_docx(report, options=DocxOptions(**options))))


def _signature(document: Document) -> list[tuple[str, str]]:
    """(text, style id) of the 落款 paragraphs at the end of the report."""
    return [(p.text, p.style.style_id) for p in document.paragraphs if p.style.style_id == "ReportSignature"]


def test_agency_and_date_make_the_usual_signature():
    report = zero_report()
    report.meta.agency, report.meta.publish_date = "某县交通运输局", date(2024, 1, 20)
    document = _document(report)
    assert _signature(document) == [("某县交通运输局", "ReportSignature"), ("2024年1月20日", "ReportSignature")]
    last = [p for p in document.paragraphs if p.text][-2:]
    assert [p.text for p in last] == ["某县交通运输局", "2024年1月20日"]  # the very end of the report
    style = document.styles["落款"]
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_without_a_date_the_signature_has_a_blank_date_line_to_fill_in():
    report = zero_report()
    report.meta.agency, report.meta.publish_date = "某县交通运输局", None
    document = _document(report)  # a warning (W-DATE), not an error: the official export goes ahead
    assert _signature(document) == [("某县交通运输局", "ReportSignature"), (DATE_PLACEHOLDER, "ReportSignature")]
    assert DATE_PLACEHOLDER.replace("\u3000", "") == "年月日"
    assert DATE_PLACEHOLDER.startswith("\u3000\u3000\u3000\u3000年")  # room for the four digits of the year
    last = [p.text for p in document.paragraphs if p.text.strip()][-2:]
    assert last == ["某县交通运输局", DATE_PLACEHOLDER]


def test_an_undated_export_imports_back_without_the_signature_in_section_six(tmp_path):
    report = zero_report()
    report.meta.publish_date = None
    report.texts["s6"] = "本年度未收取信息处理费。"
    path = tmp_path / "undated.docx"
    path.write_bytes(build_docx(report))
    imported = read_report(path)
    assert imported.report.texts["s6"] == "本年度未收取信息处理费。"
    assert imported.report.meta.publish_date is None
    assert any(n.startswith("文末落款“测试单位") for n in imported.notices)


@pytest.mark.parametrize("field", ["agency", "year", "level"])
def test_a_report_missing_a_required_field_is_refused_as_official(field):
    report = zero_report()
    setattr(report.meta, field, None if field == "year" else "")
    with pytest.raises(ExportRefused):
        build_docx(report)
    draft = _document(report, allow_errors=True)
    assert draft.paragraphs[0].text == "草稿（未通过校验）"


def test_the_command_line_refuses_a_report_without_agency_and_level(tmp_path):
    report = zero_report()
    report.meta.agency, report.meta.level = "", ""
    draft = tmp_path / "无名.nianbao"
    save_draft(report, draft)
    checked = run("check", str(draft), "--json")
    assert checked.returncode == 1, checked.stderr
    [found] = json.loads(checked.stdout)["reports"]
    assert [(f["rule"], f["severity"], f["cells"]) for f in found["findings"]] == [
        ("V-META", "error", ["meta.agency"]), ("V-META", "error", ["meta.level"])]
    assert found["findings"][0]["message"].startswith("基本信息：未填写机关名称。")
    out = tmp_path / "out.docx"
    refused = run("export", str(draft), "--docx", str(out))
    assert refused.returncode == 1
    assert "V-META" in refused.stderr and "基本信息：未填写机关名称。" in refused.stderr
    assert not out.exists()
