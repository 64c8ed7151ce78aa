"""The 一图读懂 page drawn offscreen: its numbers are the report's, it changes when they do, nothing overlaps or
leaves the page (zeros, blanks, nine-digit counts), Chinese renders, and the files are A4 and written atomically."""

from __future__ import annotations

import re
import subprocess
import threading
from collections import Counter
from decimal import Decimal
from itertools import combinations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QRawFont

from models.format import format2021 as fmt
from models.report import Meta, Report
from models.storage.drafts import load_draft
from models.tools.carryover import new_year_from
from models.tools.summary import YearFigures, summarize
from render.infographic import (
    PAGE_HEIGHT,
    PAGE_WIDTH,
    InfographicError,
    output,
    paint,
    pdf_bytes,
    render,
    render_image,
    render_pdf,
    render_png,
    style,
)
from render.infographic.canvas import MIN_TEXT_SIZE, READABLE_TEXT_SIZE, page_font
from tests.builders import consistent_report
from tests.environment import require_program

pytestmark = pytest.mark.usefixtures("chinese_font")
NUMBER = re.compile(r"^([\d,]+(\.\d+)?|—)$")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def drawn_texts(figures: YearFigures) -> list[str]:
    return [d.text for d in render_image(figures, dpi=72)[1]]


def extreme_report() -> tuple[Report, Report]:
    agency = "中华人民共和国某某省某某市某某区人民政府办公室政务公开科（行政审批服务局）"
    now = Report(meta=Meta(agency, 2025, "", None))
    before = Report(meta=Meta("某机关", 2024, "", None))
    for cell in fmt.CELLS:
        amount = cell.key == fmt.AMOUNT_KEY
        now.set(cell.key, Decimal("999999999999.999999") if amount else 999_999_999)
        before.set(cell.key, Decimal("0.000001") if amount else 1)
    return now, before


def test_every_number_drawn_is_the_reports_and_each_figure_is_drawn(qapp, huaian_path):
    figures = summarize(load_draft(huaian_path))
    image, drawn = render_image(figures)
    assert (image.width(), image.height()) == (1654, 2339)
    texts = [d.text for d in drawn]
    expected = Counter(f.text for f in figures.all_figures())
    expected[figures.requests.new.text] += 1  # 本年新收 is also the ring's centre
    assert Counter(t for t in texts if NUMBER.match(t)) == expected
    assert {"3,985,758", "447,228", "88,283", "96,171.6", "3,119", "3,050", "351"} <= set(texts)
    assert {"淮安市人民政府", "2024年政府信息公开工作年度报告", "一图读懂", "万元"} <= set(texts)
    assert figures.requests.share(figures.requests.outcomes[0]) == Decimal("44.7")
    assert "44.7%" in texts and "96.2%" in texts
    assert not any(t.startswith("较") for t in texts)  # no previous report: no year-on-year


def test_the_page_is_not_blank(qapp, huaian_path):
    image, _ = render_image(summarize(load_draft(huaian_path)), dpi=100)
    assert image.pixelColor(image.width() // 2, 8) == style.RED  # header band
    assert image.pixelColor(20, image.height() // 2).name() == "#ffffff"  # left margin
    small = image.scaled(80, 113)
    colours = {small.pixelColor(x, y).name() for x in range(80) for y in range(113)}
    assert len(colours) > 40


def test_changing_a_number_changes_the_picture(qapp, huaian_path):
    report = load_draft(huaian_path)
    first, _ = render_image(summarize(report), dpi=100)
    again, _ = render_image(summarize(report), dpi=100)
    assert first == again  # drawing is deterministic, so a difference below comes from the number
    report.set("t2.penalty.decisions", 3985759)
    changed, drawn = render_image(summarize(report), dpi=100)
    assert changed != first
    texts = {d.text for d in drawn}
    assert "3,985,759" in texts and "3,985,758" not in texts


def test_year_on_year_arrows_and_percentages(qapp):
    before, now = consistent_report(1, year=2023), consistent_report(2, year=2024)
    for key, old, new in (("t2.penalty.decisions", 200, 225), ("t2.licensing.decisions", 40, 0),
                          ("t2.coercion.decisions", 9, 9)):
        before.set(key, old)
        now.set(key, new)
    _, drawn = render_image(summarize(now, before), dpi=72)
    colours = {d.text: d.color for d in drawn}
    assert "较2023年" in colours
    assert colours["12.5%"] == style.UP.name()
    assert colours["100%"] == style.DOWN.name()
    assert colours["持平"] == style.FLAT.name()
    notes = [d.text for d in drawn if d.text.startswith("“较2023年”")]
    assert notes == ["“较2023年”为与2023年度报告相比的增减幅度："]


def test_last_year_embedded_in_a_carried_over_draft_is_compared(qapp, huaian_path):
    report = new_year_from(load_draft(huaian_path))  # 上年结转 carried over (34 → 103), the rest blank
    report.set("t3.new.total", 100)  # 3,119 last year
    _, drawn = render_image(summarize(report), dpi=72)
    colours = {d.text: d.color for d in drawn}
    assert "较2024年" in colours
    assert colours["96.8%"] == style.DOWN.name() and colours["203%"] == style.UP.name()
    assert sum(1 for d in drawn if d.text == "较2024年") == 2  # blank figures get no comparison


@pytest.mark.parametrize("case", ["huaian", "sample", "blank", "half", "extreme"])
def test_texts_never_overlap_nor_leave_the_page(cjk_family, case, huaian_path, pingtan_path, sample_path):
    if case == "huaian":
        figures = summarize(load_draft(huaian_path), load_draft(pingtan_path))
    elif case == "sample":
        figures = summarize(load_draft(sample_path), load_draft(sample_path))
    elif case == "blank":
        figures = summarize(Report(), Report())
    elif case == "half":
        report = consistent_report(5)
        for key in list(report.cells)[::3]:
            report.set(key, None)
        figures = summarize(report, consistent_report(6, year=2023))
    else:
        figures = summarize(*extreme_report())
    _, drawn = render_image(figures, dpi=72)
    page = QRectF(0, 0, PAGE_WIDTH, PAGE_HEIGHT)
    assert all(page.contains(d.rect) for d in drawn), [d.text for d in drawn if not page.contains(d.rect)]
    overlaps = [(a.text, b.text) for a, b in combinations(drawn, 2) if a.rect.intersects(b.rect)]
    assert overlaps == []
    assert min(d.size for d in drawn) >= MIN_TEXT_SIZE
    if case != "extreme":
        assert min(d.size for d in drawn) >= READABLE_TEXT_SIZE == 20  # 2 mm: readable on paper


def test_zeros_and_blanks_draw_without_shares(qapp, sample_path):
    sample = drawn_texts(summarize(load_draft(sample_path)))
    assert {t for t in sample if NUMBER.match(t)} == {"0"}
    assert not any(t.endswith("%") for t in sample)
    blank = drawn_texts(summarize(Report()))
    assert {t for t in blank if NUMBER.match(t)} == {"—"}
    assert "政府信息公开工作年度报告" in blank


def test_huge_numbers_are_drawn_whole(qapp):
    texts = drawn_texts(summarize(*extreme_report()))
    assert "999,999,999" in texts and "999,999,999,999.999999" in texts
    assert "99,999,999,800%" in texts


def test_chinese_has_glyphs_in_the_page_font(cjk_family, huaian_path, pingtan_path):
    texts = drawn_texts(summarize(load_draft(huaian_path), load_draft(pingtan_path)))
    for bold in (False, True):
        raw = QRawFont.fromFont(page_font(40, bold))
        missing = {c for c in "".join(texts) if not raw.supportsCharacter(ord(c))}
        assert missing == set(), f"{raw.familyName()} lacks {sorted(missing)}"


def test_paint_fits_any_target_and_reports_page_units(qapp, huaian_path):
    figures = summarize(load_draft(huaian_path))
    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    try:
        drawn = paint(painter, QRectF(0, 0, 600, 400), figures)
    finally:
        painter.end()
    assert [d.text for d in drawn] == [d.text for d in render_image(figures, dpi=72)[1]]
    assert image.pixelColor(5, 200).name() == "#ffffff"  # a portrait page centred in a landscape target
    assert image.pixelColor(300, 2) == style.RED


def test_pdf_is_one_a4_portrait_page(qapp, huaian_path, tmp_path):
    data, drawn = pdf_bytes(summarize(load_draft(huaian_path)))
    assert data.startswith(b"%PDF-")
    assert re.findall(rb"/MediaBox \[([^\]]*)\]", data) == [b"0 0 595.000000 842.000000"]
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    assert "3,985,758" in {d.text for d in drawn}
    path = render_pdf(load_draft(huaian_path), tmp_path / "一图读懂.pdf")
    info = subprocess.run([require_program("pdfinfo", "poppler"), str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M) and "(A4)" in info
    assert "淮安市人民政府2024年政府信息公开工作年度报告 一图读懂" in info


def test_pdf_text_is_the_reports(cjk_family, huaian_path, pingtan_path, tmp_path):
    path = render_pdf(load_draft(huaian_path), tmp_path / "out.pdf", previous=load_draft(pingtan_path))
    text = subprocess.run([require_program("pdftotext", "poppler"), "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    for expected in ("淮安市人民政府", "3,985,758", "447,228", "96,171.6", "3,119", "1,362", "较2022年",
                     "主动公开政府信息情况", "结转下年度"):
        assert expected in text


def test_png_file_is_a4_at_its_dpi_and_replaces_atomically(qapp, sample_path, tmp_path):
    target = tmp_path / "一图读懂.png"
    target.write_bytes(b"old")
    assert render_png(load_draft(sample_path), target, dpi=100) == target
    assert target.read_bytes().startswith(PNG_SIGNATURE)
    image = QImage(str(target))
    assert (image.width(), image.height()) == (827, 1169)
    assert round(image.dotsPerMeterX() * 0.0254) == 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["一图读懂.png"]  # no temporary file left


def test_failures_raise_a_chinese_message_and_keep_the_old_file(qapp, sample_path, tmp_path, monkeypatch):
    report = load_draft(sample_path)
    with pytest.raises(InfographicError) as missing:
        render_png(report, tmp_path / "没有" / "out.png")
    assert "文件夹不存在" in missing.value.message
    with pytest.raises(InfographicError) as wrong:
        render(report, tmp_path / "out.svg")
    assert ".png" in wrong.value.message and ".pdf" in wrong.value.message
    with pytest.raises(InfographicError) as dpi:
        render_png(report, tmp_path / "out.png", dpi=5000)
    assert "分辨率" in dpi.value.message
    target = tmp_path / "old.pdf"
    target.write_bytes(b"old")

    def fail(*_args):
        raise MemoryError

    monkeypatch.setattr(output, "pdf_bytes", fail)
    with pytest.raises(InfographicError) as memory:
        render_pdf(report, target)
    assert "内存不足" in memory.value.message and memory.value.path == target
    assert target.read_bytes() == b"old"
    assert not (tmp_path / "out.png").exists()


def test_renders_in_a_worker_thread_as_in_the_gui_thread(qapp, huaian_path):
    """The GUI exports off its own thread (see ui/export_flow.py): the page must come out the same there."""
    figures = summarize(load_draft(huaian_path))
    results: dict[str, object] = {}

    def work() -> None:
        try:
            results["png"] = output.png_bytes(figures, 72)
            results["pdf"] = pdf_bytes(figures)[1]
        except Exception as exc:  # surfaced by the assertion below
            results["error"] = exc

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert "error" not in results and not worker.is_alive()
    assert results["png"] == output.png_bytes(figures, 72)
    assert [d.text for d in results["pdf"]] == [d.text for d in pdf_bytes(figures)[1]]
