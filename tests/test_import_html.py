"""Reports published as web pages (importers/html_*.py): pages saved from a portal — site furniture, nested layout
tables, <font> tags, &nbsp;, GB2312 — read by the Word importer's pipeline to exactly the published report."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from exporters import DocxOptions, export_docx
from exporters.html_export import build_html
from importers import LoadError, read_report
from importers.docx_reader import Box, WordTable, read_document
from importers.html_import import MAX_HTML_BYTES
from importers.html_reader import TableItem, grid, parse_page, table_rows
from importers.html_text import decode_page
from importers.sniff import identify
from models.findings import Severity
from models.format import format2021 as fmt
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft
from tests.portal_pages import TRS, WORD, Portal, portal_page, write_portal

LEVEL = "机关层级无法从网页中读出，请在基本信息中选择（用于检查规章一栏）。"
HUAIAN = Portal("淮安市人民政府网站", WORD, wording={"s1.oversight": "（五）政府信息公开监督保障情况"})
PINGTAN = Portal("平潭综合实验区管委会网站", TRS, published="2023-02-20 15:07",
                 wording={"s1.active": "（一）主动公开方面", "s1.requests": "（二）依申请公开方面"},
                 sections={"s4": "四、政府信息公开行政法复议、行政诉讼情况"})  # the page's own typo


def cells_of(report: Report) -> dict[str, object]:
    return {key: report.cells.get(key) for key in report.format.keys}


@pytest.mark.parametrize(("fixture", "portal", "notices"), [
    ("huaian_path", HUAIAN, [LEVEL, "“（五）政府信息公开监督保障情况”按原文保留，对应“（五）监督保障情况”。"]),
    ("pingtan_path", PINGTAN, [LEVEL, "“（一）主动公开方面”按原文保留，对应“（一）主动公开情况”。",
                               "“（二）依申请公开方面”按原文保留，对应“（二）依申请公开情况”。",
                               "发布日期按网页上的发布时间读作2023年2月20日，请核对。"]),
], ids=["huaian-word-pasted", "pingtan-trs"])
def test_a_page_saved_from_a_portal_reads_as_the_published_report(fixture, portal, notices, request, tmp_path):
    original = load_draft(request.getfixturevalue(fixture))
    page = write_portal(tmp_path / "t20230220_80629.htm", original, portal)
    raw = page.read_bytes()
    assert b"charset" in raw and b"gb2312" in raw and "一、总体情况".encode("gbk") in raw and b"&nbsp;" in raw
    imported = read_report(page)
    assert (imported.source, imported.template) == ("html", "2021")
    assert cells_of(imported.report) == cells_of(original)  # all 200 cells
    assert imported.report.texts == original.texts
    assert imported.report.headings == portal.wording  # the page's own wording, kept as the Word importer keeps it
    meta = imported.report.meta
    assert (meta.agency, meta.year, meta.publish_date) == (original.meta.agency, original.meta.year,
                                                           original.meta.publish_date)
    assert imported.notices == notices
    errors = [(f.rule, f.cells) for f in evaluate(imported.report) if f.severity is Severity.ERROR]
    assert errors == [("V-META", (fmt.META_LEVEL,))]  # what the notice asks for: the page does not say the level
    imported.report.meta.level = original.meta.level  # chosen in 基本信息
    assert evaluate(imported.report) == evaluate(original)


def test_the_page_reader_sees_the_grid_the_word_reader_sees(tmp_path, huaian_path):
    """rowspan/colspan resolved into Boxes exactly as docx_reader resolves Word's merges, table by table."""
    report = load_draft(huaian_path)
    blocks, _ = read_document(export_docx(report, tmp_path / "报告.docx", options=DocxOptions()))
    word = [b.rows for b in blocks if isinstance(b, WordTable)]
    page = [i.table.rows for i in parse_page(build_html(report).encode("utf-8")).items if isinstance(i, TableItem)]
    assert len(word) == 3 and page == word


def _table(markup: str) -> WordTable:
    from lxml import html

    return grid(list(table_rows(html.fromstring(markup))), 1)


def test_rowspan_and_colspan_on_the_grid():
    table = _table("<table><tr><td rowspan=3>A</td><td colspan=2>B</td></tr><tr><td>c</td><td rowspan=2>d</td></tr>"
                   "<tr><td>e</td></tr><tr><td colspan=0>f</td><td rowspan=x>g</td></tr></table>")
    assert table.rows == [
        [Box(0, 1, "A"), Box(1, 2, "B")],
        [Box(0, 1, "A", continued=True), Box(1, 1, "c"), Box(2, 1, "d")],
        [Box(0, 1, "A", continued=True), Box(1, 1, "e"), Box(2, 1, "d", continued=True)],
        [Box(0, 1, "f"), Box(1, 1, "g")],  # colspan 0 and an unreadable span count as 1
    ]
    assert table.width == 3


def test_cell_text_keeps_lines_and_drops_padding():
    table = _table("<table><tr><td><p>结果</p><p>维持</p></td><td>&nbsp;1,234&nbsp;</td>"
                   "<td><font><span>三</span>、<br>本</font></td></tr></table>")
    assert [b.text for b in table.rows[0]] == ["结果\n维持", "1,234", "三、\n本"]


def _page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def _report_body(report: Report) -> str:
    """The article of our own page (its <body>), to wrap in other markup."""
    html = build_html(report)
    return html[html.index("<body"):html.index("</body>")].split(">", 1)[1]


def test_a_report_table_in_a_layout_table_cell_is_found_and_the_frame_descended(tmp_path, sample_path):
    report = load_draft(sample_path)
    nested = (f'<table><tr><td><a href="/">首页</a></td></tr><tr><td><table><tr><td>'
              f"<table><tr><td>{_report_body(report)}</td></tr></table></td></tr></table></td></tr></table>")
    page = tmp_path / "nested.html"
    page.write_bytes(_page(nested))
    imported = read_report(page)
    assert cells_of(imported.report) == cells_of(report)
    assert imported.report.texts == report.texts


def test_encodings_declared_or_not(tmp_path, pingtan_path):
    report = load_draft(pingtan_path)
    text = portal_page(report, PINGTAN)
    cases = {
        "declared-gb2312.html": text.encode("gbk"),
        "http-equiv.html": text.replace('<meta charset="gb2312">', '<meta http-equiv="Content-Type" '
                                        'content="text/html; charset=GBK">').encode("gbk"),
        "undeclared-gbk.html": text.replace('<meta charset="gb2312">', "").encode("gb18030"),
        "utf8-under-an-old-gb2312-meta.html": text.encode("utf-8"),
        "utf8-bom.html": b"\xef\xbb\xbf" + text.replace("gb2312", "utf-8").encode("utf-8"),
        "utf16.html": text.replace("gb2312", "utf-16").encode("utf-16"),
        "unknown-label.html": text.replace('charset="gb2312"', 'charset="x-no-such"').encode("gbk"),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        imported = read_report(path)
        assert cells_of(imported.report) == cells_of(report), name
        assert imported.report.texts == report.texts, name


def test_decoding_never_fails():
    assert decode_page("平潭".encode("gbk") + b"\xff\xfe\x80") .startswith("平潭")
    assert decode_page(b'<meta charset="iso-8859-1">caf\xe9') == '<meta charset="iso-8859-1">café'


@pytest.mark.parametrize("head", [
    b"<!DOCTYPE html>", b"<html>", b"\xef\xbb\xbf<html lang='zh'>", b"<!-- saved from url=(0040)x -->\n<html>",
    b"<?xml version='1.0' encoding='gb2312'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'x'>",
    b"\r\n<head><meta charset=gbk></head>", b"<table border=1><tr><td>x</td></tr></table>", b"<P>x</P>",
])
def test_what_is_a_web_page(tmp_path, head):
    path = tmp_path / "页面.doc"  # the suffix does not matter: a .doc downloaded from a site is often a page
    path.write_bytes(head + b"\n<p>x</p>")
    assert identify(path) == "html"
    path.write_bytes("<html>".encode("utf-16"))
    assert identify(path) == "html"


def test_a_single_file_web_archive_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "报告.mht"
    path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n")
    with pytest.raises(LoadError) as refused:
        read_report(path)
    assert "报告.mht" in refused.value.message and "另存为“网页，仅 HTML”" in refused.value.message


def test_a_page_without_a_report(tmp_path):
    path = tmp_path / "首页.html"
    path.write_bytes(_page('<div><a href="/">首页</a> 欢迎访问</div><table><tr><td>1</td><td>2</td></tr></table>'))
    with pytest.raises(LoadError, match=r"首页\.html”不像是政府信息公开工作年度报告"):
        read_report(path)
    empty = tmp_path / "空.html"
    empty.write_bytes(b"<html><!-- nothing --></html>")
    with pytest.raises(LoadError, match="不像是"):
        read_report(empty)


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    import importers.html_import as html_import

    monkeypatch.setattr(html_import, "MAX_HTML_BYTES", 1024)
    path = tmp_path / "巨大.html"
    path.write_bytes(b"<html><body>" + b"<p>x</p>" * 200 + b"</body></html>")
    with pytest.raises(LoadError) as refused:
        read_report(path)
    assert refused.value.message.startswith("“巨大.html”有1 KB，远大于网页形式的年度报告")
    assert MAX_HTML_BYTES == 32 * 1024 * 1024


def test_deep_nesting_and_junk_do_not_break_the_reader(tmp_path, sample_path):
    report = load_draft(sample_path)
    deep = tmp_path / "深.html"
    deep.write_bytes(_page(_report_body(report) + "<div>" * 5000 + "x" + "</div>" * 5000))
    imported = read_report(deep)
    assert cells_of(imported.report) == cells_of(report)
    # Linux's libxml2 stops at 256 levels: what came before is read, and the clerk is told. The libxml2 of lxml's
    # Windows wheels reads on (seen under Wine): then there is nothing to tell.
    deep_notice = "“深.html”的网页标签嵌套过深（超过256层），其后的内容未能读取，请核对各部分和表格是否齐全。"
    stopped = deep_notice in imported.notices
    if sys.platform.startswith("linux"):
        assert imported.notices[0] == deep_notice
    deep.write_bytes(_page("<div>" * 5000 + "x" + "</div>" * 5000 + _report_body(report)))
    if stopped:
        with pytest.raises(LoadError, match=r"“深\.html”的网页标签嵌套过深（超过256层），无法读取。"):
            read_report(deep)
    else:  # read on past the depth: the report after it is read, or the page refused with a Chinese message
        try:
            assert cells_of(read_report(deep).report) == cells_of(report)
        except LoadError as refused:
            assert "深.html" in refused.message
    junk = tmp_path / "乱.html"
    junk.write_bytes(b"<html>" + bytes(range(256)) * 50 + b"<table><tr><td rowspan=99999 colspan=-3>")
    with pytest.raises(LoadError, match="不像是"):
        read_report(junk)


def test_a_cut_off_page_is_read_as_far_as_it_goes_and_said_to_be_incomplete(tmp_path, huaian_path):
    html = build_html(load_draft(huaian_path))
    path = tmp_path / "半页.html"
    path.write_bytes(html[: html.index("四、政府信息公开行政复议")].encode("utf-8"))
    imported = read_report(path)
    assert imported.notices[0].startswith("“半页.html”似乎不完整：网页没有结尾")
    assert any("没有找到表四" in n for n in imported.notices)
    assert imported.report.number("t3.new.total") == 3119


def test_scripts_styles_navigation_and_hidden_text_are_not_the_report(tmp_path, sample_path):
    report = load_draft(sample_path)
    noise = ('<nav>一、总体情况</nav><script>document.write("六、其他需要报告的事项")</script>'
             '<style>p{}</style><div style="display: none">五、存在的主要问题及改进情况</div>'
             '<div role="navigation"><p>二、主动公开政府信息情况</p></div><noscript>请启用脚本</noscript>')
    path = tmp_path / "噪声.html"
    path.write_bytes(_page(noise + _report_body(report) + noise))
    imported = read_report(path)
    assert imported.report.texts == report.texts
    assert [n for n in imported.notices if not n.startswith(("文末落款", "机关层级按机关名称"))] == []


def test_the_page_title_stands_in_for_a_missing_title(tmp_path, sample_path):
    report = load_draft(sample_path)
    body = _report_body(report)
    body = body[body.index("</h1>") + 5:]
    path = tmp_path / "无标题.html"
    path.write_bytes(_page(body, head=f'<meta charset="utf-8"><title>{report.title} - 铜官区人民政府网站</title>'))
    imported = read_report(path)
    assert (imported.report.meta.agency, imported.report.meta.year) == ("铜官区招商服务中心", 2023)


def test_a_signature_date_wins_over_the_pages_publication_time(tmp_path, pingtan_path):
    report = load_draft(pingtan_path)
    portal = Portal("平潭综合实验区管委会网站", TRS, published="2023-03-01 09:00",
                    signature=("平潭综合实验区", "2023年2月20日"))
    imported = read_report(write_portal(tmp_path / "落款.html", report, portal))
    assert imported.report.meta.publish_date == date(2023, 2, 20)
    assert not [n for n in imported.notices if "发布时间" in n]


def test_check_and_import_on_the_command_line(tmp_path, pingtan_path):
    from tests.cli_runner import run

    page = write_portal(tmp_path / "平潭.html", load_draft(pingtan_path), PINGTAN)
    checked = run("check", str(page))
    assert checked.returncode == 0, checked.stdout  # the level the page does not print is no fault of the page
    assert "V-META" not in checked.stdout and "机关层级无法从网页中读出" in checked.stdout + checked.stderr
    draft = tmp_path / "平潭.nianbao"
    imported = run("import", str(page), "-o", str(draft))
    assert imported.returncode == 0, imported.stderr
    assert cells_of(load_draft(draft)) == cells_of(load_draft(pingtan_path))


def test_a_folder_check_takes_web_pages(tmp_path, pingtan_path):
    from cli.batch import REPORT_SUFFIXES, collect

    assert {".html", ".htm"} <= REPORT_SUFFIXES
    write_portal(tmp_path / "a.htm", load_draft(pingtan_path), PINGTAN)
    (tmp_path / "b.html").write_bytes(b"<html></html>")
    files, skipped = collect([str(tmp_path)])
    assert [f.name for f in files] == ["a.htm", "b.html"] and skipped == []


def test_written_pages_keep_their_bytes(tmp_path, huaian_path):
    path = write_portal(tmp_path / "x.html", load_draft(huaian_path), HUAIAN)
    before = path.read_bytes()
    read_report(path)
    assert path.read_bytes() == before and Path(path).suffix == ".html"


def test_a_huge_table_of_spans_costs_no_more_than_its_size(tmp_path, sample_path):
    import time

    report = load_draft(sample_path)
    junk = "<table>" + "".join(f"<tr>{'<td rowspan=200 colspan=200>1</td>' * 50}</tr>" for _ in range(500))
    path = tmp_path / "跨行.html"
    body = _report_body(report)
    path.write_bytes(_page(body.replace("<h2", junk + "</table><h2", 1)))  # inside the article, before 一、
    start = time.perf_counter()
    imported = read_report(path)
    assert time.perf_counter() - start < 10  # about 0.3 s; the grid is capped at 200 columns
    assert cells_of(imported.report) == cells_of(report)
    assert "第1个表格不是报告规定的表格，未导入。" in imported.notices


def test_a_table_of_short_paragraphs_frames_text(tmp_path, sample_path):
    """Some portals set every paragraph in a row of its own: no numbers in it, so it is text, not a table."""
    report = load_draft(sample_path)
    report.texts["s6"] = "无。"
    rows = "".join(f"<tr><td width=20>&nbsp;</td><td>{line}</td></tr>" for line in (
        "六、其他需要报告的事项", "无。", report.meta.agency))
    body = _report_body(report)
    body = body[:body.index("<h2", body.index("五、"))] + f"<table>{rows}</table></div>"
    path = tmp_path / "一行一段.html"
    path.write_bytes(_page(body))
    imported = read_report(path)
    assert imported.report.texts == report.texts
    assert not [n for n in imported.notices if "表格" in n]
