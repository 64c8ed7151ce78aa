"""`main.py export` as a clerk or a script runs it."""

from __future__ import annotations

import openpyxl
from docx import Document

from importers.xlsx_reader import read_xlsx
from models.storage.drafts import load_draft, save_draft
from tests.cli_runner import run


def test_export_writes_both_files_and_the_appendices_beside_them(tmp_path, huaian_path):
    docx, xlsx = tmp_path / "报告.docx", tmp_path / "报告.xlsx"
    result = run("export", str(huaian_path), "--docx", str(docx), "--xlsx", str(xlsx), "--checklist", "--signoff")
    assert result.returncode == 0, result.stderr
    signoff, checklist = tmp_path / "报告_审核签发单.docx", tmp_path / "报告_自查清单.docx"
    for path in (docx, signoff, checklist, xlsx):
        assert f"已导出：{path}" in result.stdout
    # The published report holds neither; each is a file of its own.
    texts = [p.text for p in Document(str(docx)).paragraphs]
    assert "审核签发单" not in texts and "自查清单" not in texts and not any(t.startswith("附件") for t in texts)
    assert Document(str(signoff)).paragraphs[0].text == "审核签发单"
    assert "自查清单" in [p.text for p in Document(str(checklist)).paragraphs]
    assert read_xlsx(xlsx)[0] == load_draft(huaian_path)
    # An existing appendix file is not replaced without --force.
    again = run("export", str(huaian_path), "--docx", str(tmp_path / "新.docx"), "--checklist")
    assert again.returncode == 0
    (tmp_path / "另一份.docx").unlink(missing_ok=True)
    (tmp_path / "另一份_自查清单.docx").write_bytes(b"kept")
    refused = run("export", str(huaian_path), "--docx", str(tmp_path / "另一份.docx"), "--checklist")
    assert refused.returncode == 2 and "另一份_自查清单.docx”已存在" in refused.stderr
    assert not (tmp_path / "另一份.docx").exists() and (tmp_path / "另一份_自查清单.docx").read_bytes() == b"kept"


def test_appendices_inline_go_inside_the_report_with_the_attachment_line(tmp_path, huaian_path):
    docx = tmp_path / "报告.docx"
    result = run("export", str(huaian_path), "--docx", str(docx), "--checklist", "--signoff", "--appendices-inline")
    assert result.returncode == 0, result.stderr
    texts = [p.text for p in Document(str(docx)).paragraphs]
    assert texts[0] == "审核签发单" and "自查清单" in texts
    # GB/T 9704 §7.3.6: 附件说明 under the body, before the 落款; the 附件 itself after it.
    assert texts.index("附件：自查清单") < texts.index("淮安市人民政府") < texts.index("附件")
    assert not (tmp_path / "报告_自查清单.docx").exists()


def test_errors_refuse_with_exit_one_and_allow_errors_marks_the_draft(tmp_path, pingtan_path):
    report = load_draft(pingtan_path)
    report.set("t3.handled_total.natural", 71)
    broken = tmp_path / "broken.nianbao"
    save_draft(report, broken)
    docx, xlsx = tmp_path / "out.docx", tmp_path / "out.xlsx"
    refused = run("export", str(broken), "--docx", str(docx), "--xlsx", str(xlsx))
    assert refused.returncode == 1
    assert "错误" in refused.stderr and "T3-A" in refused.stderr and "--allow-errors" in refused.stderr
    assert not docx.exists() and not xlsx.exists()
    allowed = run("export", str(broken), "--docx", str(docx), "--xlsx", str(xlsx), "--allow-errors")
    assert allowed.returncode == 0, allowed.stderr
    assert "草稿" in allowed.stdout
    assert Document(str(docx)).paragraphs[0].text == "草稿（未通过校验）"
    assert openpyxl.load_workbook(xlsx)["封面"]["A2"].value == "草稿（未通过校验）"


def test_unreadable_input_or_output_exit_two(tmp_path, sample_path):
    bad = tmp_path / "bad.nianbao"
    bad.write_text("{not json", encoding="utf-8")
    result = run("export", str(bad), "--docx", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and "bad.nianbao" in result.stderr
    missing_dir = tmp_path / "nowhere" / "x.docx"
    result = run("export", str(sample_path), "--docx", str(missing_dir))
    assert result.returncode == 2 and "x.docx" in result.stderr
    result = run("export", str(sample_path))
    assert result.returncode == 2 and "--docx" in result.stderr


def test_stock_fonts_option(tmp_path, sample_path):
    docx = tmp_path / "stock.docx"
    assert run("export", str(sample_path), "--docx", str(docx), "--stock-fonts").returncode == 0
    assert "GB2312" not in Document(str(docx)).element.xml


def test_export_never_overwrites_its_input_or_an_existing_file(tmp_path):
    import shutil

    from tests.conftest import FIXTURES

    draft = tmp_path / "d.nianbao"
    shutil.copy(FIXTURES / "huaian-city-gov-2024.nianbao", draft)
    before = draft.read_bytes()
    result = run("export", str(draft), "--xlsx", str(draft), "--force")
    assert result.returncode == 2 and "扩展名应为 .xlsx" in result.stderr  # the suffix is checked first
    copy = tmp_path / "copy.xlsx"
    assert run("export", str(draft), "--xlsx", str(copy)).returncode == 0
    copied = copy.read_bytes()
    result = run("export", str(copy), "--xlsx", str(copy), "--force")
    assert result.returncode == 2 and "是本命令要读取的文件" in result.stderr and copy.read_bytes() == copied
    result = run("export", str(draft), "--docx", str(tmp_path / "a.docx"), "--xlsx", str(tmp_path / "a.docx"))
    assert result.returncode == 2
    existing = tmp_path / "old.docx"
    existing.write_bytes(b"keep")
    result = run("export", str(draft), "--docx", str(existing))
    assert result.returncode == 2 and "--force" in result.stderr and existing.read_bytes() == b"keep"
    assert run("export", str(draft), "--docx", str(existing), "--force").returncode == 0
    assert draft.read_bytes() == before


def test_export_the_web_page(tmp_path, huaian_path, pingtan_path):
    page = tmp_path / "报告.html"
    result = run("export", str(huaian_path), "--html", str(page))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"已导出：{page}"
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "淮安市人民政府" in html and "草稿（未通过校验）" not in html
    # A folder: the page named after the report; all three kinds at once.
    folder = tmp_path / "导出"
    folder.mkdir()
    both = run("export", str(huaian_path), "--html", str(folder), "--docx", str(folder / "报告.docx"))
    assert both.returncode == 0, both.stderr
    assert [p.name for p in sorted(folder.iterdir())] == ["报告.docx", "淮安市人民政府2024年度报告.html"]
    assert run("export", str(huaian_path), "--html", str(page)).returncode == 2  # exists, no --force
    refused = run("export", str(huaian_path), "--html", str(tmp_path / "报告.txt"))
    assert refused.returncode == 2 and ".html" in refused.stderr
    # Errors: refused, or a marked draft with --allow-errors.
    report = load_draft(pingtan_path)
    report.set("t3.handled_total.natural", 71)
    broken = tmp_path / "broken.nianbao"
    save_draft(report, broken)
    assert run("export", str(broken), "--html", str(tmp_path / "草稿.html")).returncode == 1
    assert not (tmp_path / "草稿.html").exists()
    allowed = run("export", str(broken), "--html", str(tmp_path / "草稿.html"), "--allow-errors")
    assert allowed.returncode == 0 and "草稿" in allowed.stdout
    assert "草稿（未通过校验）" in (tmp_path / "草稿.html").read_text(encoding="utf-8")


def test_export_without_an_output_names_every_flag(tmp_path, huaian_path):
    result = run("export", str(huaian_path))
    assert result.returncode == 2
    assert "请用 --docx、--xlsx、--pdf 或 --html 指定要导出的文件（可同时给出几项）。" in result.stderr
