"""A Word document of ours from first to last: the page and styles, the blocks placed, the properties, the bytes.

The report, and its 审核签发单 and 自查清单 when they are files of their own, are made the same way."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from exporters import docx_styles
from exporters.docx_package import tidy_package
from exporters.docx_xml import clean_text
from exporters.fonts import FontSet
from layouts.docx_layout import LEVEL_PROPERTY
from models.report import Report

#: Word's document properties (title, author …) hold at most this many characters; python-docx refuses more.
MAX_PROPERTY_CHARS = 255


def new_document(fonts: FontSet) -> DocumentObject:
    """An empty A4 document with the GB/T 9704 page and our styles."""
    document = Document()
    docx_styles.setup_page(document)
    docx_styles.apply_styles(document, fonts)
    return document


def place(document: DocumentObject, blocks: list) -> None:
    """The body: `blocks` (parsed paragraphs and tables) instead of the template's empty paragraph."""
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    sect_pr = body.find(qn("w:sectPr"))
    for block in blocks:
        sect_pr.addprevious(block)


def keep_with_next(block) -> None:
    """Keep a paragraph on the page of the block after it (a table keeps its rows together already)."""
    if block.tag == qn("w:p"):
        block.get_or_add_pPr().get_or_add_keepNext()


def property_text(text: str) -> str:
    return clean_text(text)[:MAX_PROPERTY_CHARS]


def finish(document: DocumentObject, report: Report, title: str) -> bytes:
    """Properties (title, the agency as author, the level read back by the importer), the package tidied, the
    bytes."""
    props = document.core_properties
    props.title = property_text(title)
    props.author = property_text(report.meta.agency)
    props.last_modified_by = property_text(report.meta.agency)
    props.comments = f"按{report.format.notice}格式生成"
    setattr(props, LEVEL_PROPERTY, property_text(report.meta.level))  # read back by the Word importer
    props.revision = 1
    tidy_package(document, company=property_text(report.meta.agency))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
