"""Property: any report written in the official layout (fmt.GRIDS with its merges) imports back identical.

`write_report` is a plain writer of the official layout; the second property runs the same reports through the real
Word exporter.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from importers import read_report
from importers.docx_text import as_date, match_section, match_subheading
from models.format import format2021 as fmt
from models.report import Meta, Report
from tests.docx_builders import write_report

# Text as clerks write it: Chinese, digits, full-width punctuation; no line breaks inside a paragraph.
CHARS = "的一是了在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天" \
        "而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长，。、；：（）“”《》0123456789"
AGENCY_CHARS = "市县区局委办中心人民政府交通教育卫生健康"

paragraph = st.text(alphabet=CHARS, min_size=1, max_size=60).map(str.strip).filter(bool)
section_text = st.lists(paragraph, min_size=1, max_size=3).map("\n".join)
value = st.one_of(st.none(), st.integers(min_value=0, max_value=999_999_999))


@st.composite
def amounts(draw) -> Decimal | None:
    if draw(st.booleans()):
        return None
    places = draw(st.integers(min_value=0, max_value=6))
    units = draw(st.integers(min_value=0, max_value=10**12 - 1))  # parse_amount takes at most 12 whole digits
    return Decimal(units).scaleb(-places)


@st.composite
def reports(draw) -> Report:
    report = Report(meta=Meta(draw(st.text(alphabet=AGENCY_CHARS, min_size=2, max_size=12)),
                              draw(st.integers(min_value=2019, max_value=2035)), "", None))
    for key in fmt.ALL_CELL_KEYS:
        report.set(key, draw(amounts()) if key == fmt.AMOUNT_KEY else draw(value))
    for key in (fmt.PREAMBLE_KEY, *fmt.text_keys("s1"), *fmt.text_keys("s5"), "s6"):
        if draw(st.booleans()):
            report.texts[key] = draw(section_text)
    return report


def _plausible(report: Report) -> bool:
    """Texts the importer rightly reads otherwise: a last line of 六 that is the agency's name or a date (a
    signature), a preamble line that is only a date (the publication date), a line that is a heading as real reports
    write them without their ordinal (`主动公开` alone on its line is （一）主动公开情况)."""
    lines = report.texts.get("s6", "").split("\n") + report.texts.get(fmt.PREAMBLE_KEY, "").split("\n")
    if any(as_date(line) or line == report.meta.agency for line in lines):
        return False
    every_line = [line for text in report.texts.values() for line in text.split("\n")]
    return not any(match_section(line, -1) or any(match_subheading(line, section, -1)
                                                   for section in fmt.SECTIONS if section.subheadings)
                   for line in every_line)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(reports())
def test_official_layout_imports_back_identical(tmp_path, report):
    assume(_plausible(report))
    imported = read_report(write_report(tmp_path / "property.docx", report))
    assert imported.report.cells == report.cells
    assert imported.report.texts == report.texts
    assert (imported.report.meta.agency, imported.report.meta.year) == (report.meta.agency, report.meta.year)
    assert imported.template == "2021"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(reports(), st.sampled_from(fmt.LEVELS), st.booleans(), st.booleans(), st.booleans())
def test_our_word_export_imports_back_identical(tmp_path, report, level, official_fonts, checklist, signoff):
    """Report → exporters (the real Word file a leader signs) → importer → the same Report."""
    from exporters import DocxOptions, export_docx

    assume(_plausible(report))
    report.meta.level = level
    path = export_docx(report, tmp_path / "exported.docx",
                       options=DocxOptions(allow_errors=True, official_fonts=official_fonts, checklist=checklist,
                                           signoff_sheet=signoff))
    imported = read_report(path)
    assert imported.report.cells == report.cells
    assert imported.report.texts == report.texts
    assert imported.report.meta == report.meta
    assert not any("机关层级" in n for n in imported.notices)
