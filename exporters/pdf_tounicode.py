"""Correcting the text layer (the /ToUnicode maps) of a PDF, so that searching, copying and pdftotext give the
characters that were drawn.

Qt's PDF writer names each glyph by the lowest BMP code point the font maps to it. CJK fonts such as Noto Sans CJK
share one glyph between 人 (U+4EBA) and the Kangxi radical ⼈ (U+2F08), so the text layer says ⼈. `remap` rewrites
those entries (`corrections` maps the character written to the one drawn) and moves the cross-reference table to
match. Qt-free: the corrections come from the renderer, which knows the fonts (see render/pdf_text.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_SECTION = re.compile(rb"xref\s+0\s+(\d+)\s*\r?\n")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_STREAM_OBJECT = re.compile(rb"(\d+)\s+0\s+obj\s*<<\s*/Length\s+(\d+)\s*>>\s*stream\r?\n")
_BLOCK = re.compile(rb"(\d+\s+begin(bfchar|bfrange)\b)(.*?)(\bend\2)", re.S)
_HEX = rb"<([0-9A-Fa-f]*)>"
_CHAR_ENTRY = re.compile(_HEX + rb"(\s*)" + _HEX)
_ENTRY_SIZE = 20  # a cross-reference entry: 10-digit offset, 5-digit generation, n/f, two-byte end of line
_RANGE_ENTRY = re.compile(_HEX + rb"(\s*)" + _HEX + rb"(\s*)" + rb"(\[[^\]]*\]|<[0-9A-Fa-f]*>)")


class PdfLayoutError(ValueError):
    """The PDF is not laid out as Qt writes it (one classic cross-reference table, plain ToUnicode streams)."""


def remap(pdf: bytes, corrections: Mapping[str, str]) -> bytes:
    """`pdf` with every ToUnicode entry naming a key of `corrections` naming its value instead.

    Raises PdfLayoutError when a ToUnicode map would need changing but the file's layout is not understood.
    """
    corrections = {k: v for k, v in corrections.items() if k != v}
    if not corrections:
        return pdf
    targets = sorted({int(n) for n in _TO_UNICODE.findall(pdf)})
    if not targets:
        return pdf
    offsets, xref_at, table_start = _xref(pdf)
    edits: list[tuple[int, int, bytes]] = []  # (start, end, replacement) in the original bytes
    for number in targets:
        if number >= len(offsets) or offsets[number] is None:
            raise PdfLayoutError(f"object {number} is not in the cross-reference table")
        start = offsets[number]
        head = _STREAM_OBJECT.match(pdf, start)
        if head is None or int(head.group(1)) != number:
            raise PdfLayoutError(f"object {number} is not a plain stream")
        body_start = head.end()
        body_end = body_start + int(head.group(2))
        old = pdf[body_start:body_end]
        new = remap_cmap(old, corrections)
        if new != old:
            length_start, length_end = head.span(2)
            edits.append((length_start, length_end, str(len(new)).encode()))
            edits.append((body_start, body_end, new))
    if not edits:
        return pdf
    return _apply(pdf, edits, offsets, xref_at, table_start)


def remap_cmap(cmap: bytes, corrections: Mapping[str, str]) -> bytes:
    """One ToUnicode CMap with its destinations corrected; a consecutive range touching a correction is spelled out
    as an array, as the CMap syntax allows."""

    def block(match: re.Match[bytes]) -> bytes:
        entry = _CHAR_ENTRY if match.group(2) == b"bfchar" else _RANGE_ENTRY
        fixer = _fix_char if match.group(2) == b"bfchar" else _fix_range
        body = entry.sub(lambda m: fixer(m, corrections), match.group(3))
        return match.group(1) + body + match.group(4)

    return _BLOCK.sub(block, cmap)


def _fix_char(match: re.Match[bytes], corrections: Mapping[str, str]) -> bytes:
    source, space, destination = match.groups()
    return b"<" + source + b">" + space + b"<" + _fix_hex(destination, corrections) + b">"


def _fix_range(match: re.Match[bytes], corrections: Mapping[str, str]) -> bytes:
    low, space1, high, space2, destination = match.groups()
    if destination.startswith(b"["):
        fixed = re.sub(_HEX, lambda m: b"<" + _fix_hex(m.group(1), corrections) + b">", destination)
        return b"<" + low + b">" + space1 + b"<" + high + b">" + space2 + fixed
    first = _decode(destination[1:-1])
    count = int(high, 16) - int(low, 16) + 1
    if first is None or len(first) != 1 or count < 1:
        return match.group(0)
    run = [chr(ord(first) + i) for i in range(count)]
    if not any(c in corrections for c in run):
        return match.group(0)
    spelled = b" ".join(b"<" + _encode(corrections.get(c, c)) + b">" for c in run)
    return b"<" + low + b">" + space1 + b"<" + high + b">" + space2 + b"[" + spelled + b"]"


def _fix_hex(hex_digits: bytes, corrections: Mapping[str, str]) -> bytes:
    text = _decode(hex_digits)
    if text is None or text not in corrections:
        return hex_digits
    return _encode(corrections[text])


def _decode(hex_digits: bytes) -> str | None:
    try:
        return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return None


def _encode(text: str) -> bytes:
    return text.encode("utf-16-be").hex().upper().encode("ascii")


def _xref(pdf: bytes) -> tuple[list[int | None], int, int]:
    """Object offsets (None for a free entry) from the single classic cross-reference table; where `xref` and its
    first entry start."""
    tail = _STARTXREF.search(pdf[-64:])
    if tail is None:
        raise PdfLayoutError("no startxref at the end")
    xref_at = int(tail.group(1))
    section = _XREF_SECTION.match(pdf, xref_at)
    if section is None:
        raise PdfLayoutError("not a classic cross-reference table starting at object 0")
    offsets: list[int | None] = []
    for i in range(int(section.group(1))):
        entry = _XREF_ENTRY.match(pdf, section.end() + _ENTRY_SIZE * i)
        if entry is None:
            raise PdfLayoutError("a cross-reference entry is not 20 bytes")
        offsets.append(int(entry.group(1)) if entry.group(3) == b"n" else None)
    end = section.end() + _ENTRY_SIZE * len(offsets)
    if not pdf[end:end + 64].lstrip().startswith(b"trailer"):
        raise PdfLayoutError("more than one cross-reference section")
    return offsets, xref_at, section.end()


def _apply(pdf: bytes, edits: list[tuple[int, int, bytes]], offsets: list[int | None], xref_at: int,
           table_start: int) -> bytes:
    """Splice `edits` into `pdf` and shift every offset after them: the table's entries and startxref."""
    edits.sort()

    def moved(offset: int) -> int:
        return offset + sum(len(new) - (end - start) for start, end, new in edits if end <= offset)

    out = bytearray()
    cursor = 0
    for start, end, new in edits:
        out += pdf[cursor:start] + new
        cursor = end
    out += pdf[cursor:table_start]
    table = bytearray(pdf[table_start:table_start + _ENTRY_SIZE * len(offsets)])
    for i, offset in enumerate(offsets):
        if offset is not None:  # only the 10-digit offset changes; generation, kind and line end stay
            table[_ENTRY_SIZE * i:_ENTRY_SIZE * i + 10] = b"%010d" % moved(offset)
    out += table
    rest = pdf[table_start + len(table):]
    out += _STARTXREF.sub(b"startxref\n%d\n%%%%EOF\n" % moved(xref_at), rest)
    return bytes(out)
