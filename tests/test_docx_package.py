"""The Word file as Word and Explorer see it: its properties, its parts, and no inherited two-character indent
outside the body text (issue 17, points 4 and 8)."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from exporters import DocxOptions, build_docx
from exporters.docx_package import COMPATIBILITY_MODE, application_name
from exporters.docx_styles import HEADING1, HEADING2, NORMAL
from models.storage.drafts import load_draft

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The styles whose paragraphs are body text, indented two characters as GB/T 9704 wants.
BODY_STYLES = {NORMAL, HEADING1, HEADING2}


@pytest.fixture(scope="module")
def exported(request) -> bytes:
    report = load_draft(request.config.rootpath / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao")
    return build_docx(report, options=DocxOptions(allow_errors=True, checklist=True, signoff_sheet=True))


def test_the_file_says_it_was_made_now_by_this_app_for_the_agency(exported):
    before = datetime.now(UTC).replace(microsecond=0)
    document = Document(io.BytesIO(exported))
    props = document.core_properties
    assert props.author == "铜官区招商服务中心"
    assert abs((props.created - before).total_seconds()) < 120 and props.modified == props.created
    with zipfile.ZipFile(io.BytesIO(exported)) as archive:
        app = archive.read("docProps/app.xml").decode("utf-8")
        names = archive.namelist()
    assert f"<Application>{application_name()}</Application>" in app and "Macintosh" not in app
    assert "<Company>铜官区招商服务中心</Company>" in app
    # No thumbnail of python-docx's empty template page, no leftover bibliography part.
    assert not [name for name in names if name.startswith("customXml/") or "thumbnail" in name]


def test_word_2013_and_later_do_not_open_it_in_compatibility_mode(exported):
    settings = Document(io.BytesIO(exported)).settings.element
    modes = [s.get(qn("w:val")) for s in settings.iter(qn("w:compatSetting"))
             if s.get(qn("w:name")) == "compatibilityMode"]
    assert modes == [COMPATIBILITY_MODE] == ["15"]
    assert settings.find(qn("w:savePreviewPicture")) is None


def _style_indents(styles_xml: bytes) -> dict[str, tuple[str | None, dict[str, str]]]:
    """style id → (based on, its own w:ind attributes)."""
    found = {}
    for style in etree.fromstring(styles_xml).iter(f"{W}style"):
        based = style.find(f"{W}basedOn")
        ind = style.find(f"{W}pPr/{W}ind")
        found[style.get(f"{W}styleId")] = (None if based is None else based.get(f"{W}val"),
                                            {} if ind is None else dict(ind.attrib))
    return found


def _default_style(styles_xml: bytes) -> str:
    for style in etree.fromstring(styles_xml).iter(f"{W}style"):
        if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") == "1":
            return style.get(f"{W}styleId")
    raise AssertionError("no default paragraph style")


def _first_line_chars(paragraph, styles, default: str) -> str:
    """The firstLineChars Word applies: the paragraph's own, else the nearest style's up the basedOn chain."""
    ind = paragraph.find(f"{W}pPr/{W}ind")
    if ind is not None and f"{W}firstLineChars" in ind.attrib:
        return ind.get(f"{W}firstLineChars")
    style_el = paragraph.find(f"{W}pPr/{W}pStyle")
    style = default if style_el is None else style_el.get(f"{W}val")
    while style:
        based, attrs = styles.get(style, (None, {}))
        if f"{W}firstLineChars" in attrs:
            return attrs[f"{W}firstLineChars"]
        style = based
    return "0"


def test_no_paragraph_outside_the_body_text_inherits_a_character_indent(exported):
    with zipfile.ZipFile(io.BytesIO(exported)) as archive:
        styles_xml = archive.read("word/styles.xml")
        parts = {name: archive.read(name) for name in archive.namelist()
                 if name.startswith(("word/header", "word/footer")) or name == "word/document.xml"}
    styles, default = _style_indents(styles_xml), _default_style(styles_xml)
    assert _first_line_chars(etree.fromstring(b'<w:p xmlns:w="' + W[1:-1].encode() + b'"/>'), styles, default) == "200"
    checked = 0
    wrong = []
    for name, xml in parts.items():
        root = etree.fromstring(xml)
        in_tables = set(root.iter(f"{W}tbl"))
        for paragraph in root.iter(f"{W}p"):
            style_el = paragraph.find(f"{W}pPr/{W}pStyle")
            style = default if style_el is None else style_el.get(f"{W}val")
            in_table = any(table in in_tables for table in paragraph.iterancestors(f"{W}tbl"))
            outside_body = name != "word/document.xml" or in_table or style not in BODY_STYLES
            if not outside_body:
                continue
            checked += 1
            chars = _first_line_chars(paragraph, styles, default)
            if chars != "0":
                text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
                wrong.append(f"{name}: {style} {text[:20]!r} firstLineChars={chars}")
    assert checked > 200 and wrong == [], "\n".join(wrong)
    # The footers are the two page numbers (odd, even) and each says so itself.
    footers = [etree.fromstring(xml) for name, xml in parts.items() if name.startswith("word/footer")]
    numbered = [f for f in footers if "".join(t.text or "" for t in f.iter(f"{W}t")).strip()]
    assert len(numbered) == 2
    for footer in numbered:
        assert footer.find(f"{W}p/{W}pPr/{W}ind").get(f"{W}firstLineChars") == "0"
