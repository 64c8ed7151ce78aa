"""Correcting a PDF's ToUnicode maps (exporters/pdf_tounicode.py): every form of entry, offsets kept right."""

from __future__ import annotations

import re

import pytest

from exporters.pdf_tounicode import PdfLayoutError, remap, remap_cmap

FIX = {"⼈": "人", "⺠": "民", "⼯": "工"}


def cmap(body: str) -> bytes:
    return (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\n"
            b"endcodespacerange\n" + body.encode() + b"endcmap\nend\nend\n")


def test_single_entries_and_arrays_are_corrected():
    old = cmap("2 beginbfchar\n<0003> <2F08>\n<0004> <5E02>\nendbfchar\n"
               "1 beginbfrange\n<0005> <0007> [<2EA0> <653F> <2F2F>]\nendbfrange\n")
    new = remap_cmap(old, FIX)
    assert b"<0003> <4EBA>" in new and b"<0004> <5E02>" in new
    assert b"<0005> <0007> [<6C11> <653F> <5DE5>]" in new
    assert remap_cmap(new, FIX) == new


def test_a_consecutive_range_touching_a_correction_is_spelled_out():
    old = cmap("1 beginbfrange\n<0010> <0012> <2F07>\n<0020> <0029> <0030>\nendbfrange\n")
    new = remap_cmap(old, FIX)
    assert b"<0010> <0012> [<2F07> <4EBA> <2F09>]" in new
    assert b"<0020> <0029> <0030>" in new  # digits 0-9: untouched


def test_nothing_to_correct_leaves_the_bytes_alone():
    pdf = build_pdf(cmap("1 beginbfchar\n<0001> <4EBA>\nendbfchar\n"))
    assert remap(pdf, FIX) is pdf
    assert remap(pdf, {}) is pdf


def build_pdf(to_unicode: bytes) -> bytes:
    """A small PDF laid out as Qt's writer lays it out: a font with a ToUnicode stream before other objects."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(to_unicode) + to_unicode + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 4 0 R >>",
        b"<< /Length 5 >>\nstream\nBT ET\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def assert_consistent(pdf: bytes) -> None:
    """Every offset of the cross-reference table points at its object; startxref at the table; lengths true."""
    xref = int(re.search(rb"startxref\s+(\d+)", pdf).group(1))
    assert pdf[xref:].startswith(b"xref")
    count = int(re.match(rb"xref\s+0\s+(\d+)", pdf[xref:]).group(1))
    entries = re.findall(rb"(\d{10}) (\d{5}) ([nf]) \n", pdf[xref:])[:count]
    for number, (offset, _gen, kind) in enumerate(entries):
        if kind == b"n":
            assert pdf[int(offset):].startswith(b"%d 0 obj" % number)
    for match in re.finditer(rb"<< /Length (\d+) >>\nstream\n", pdf):
        end = match.end() + int(match.group(1))
        assert pdf[end:end + 10] == b"\nendstream"


def test_a_longer_map_moves_the_objects_after_it_and_the_table():
    pdf = build_pdf(cmap("1 beginbfrange\n<0001> <0003> <2F07>\nendbfrange\n"))
    assert_consistent(pdf)
    fixed = remap(pdf, FIX)
    assert len(fixed) > len(pdf)
    assert_consistent(fixed)
    assert b"[<2F07> <4EBA> <2F09>]" in fixed


def test_a_same_length_correction_keeps_every_offset():
    pdf = build_pdf(cmap("1 beginbfchar\n<0001> <2F08>\nendbfchar\n"))
    fixed = remap(pdf, FIX)
    assert len(fixed) == len(pdf) and fixed != pdf
    assert_consistent(fixed)


def test_a_layout_it_does_not_know_is_refused_not_damaged():
    pdf = build_pdf(cmap("1 beginbfchar\n<0001> <2F08>\nendbfchar\n"))
    as_stream = pdf.replace(b"xref\n0 7", b"XREF\n0 7")
    with pytest.raises(PdfLayoutError):
        remap(as_stream, FIX)
