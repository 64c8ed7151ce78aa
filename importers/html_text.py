"""The characters of a web page: its encoding, and its text with HTML's white space collapsed as a browser shows it.

Portal pages are UTF-8 or GB2312/GBK (a page saved by a browser keeps the site's encoding). The encoding is the one
the page declares (a byte order mark, `<meta charset>`, `<meta http-equiv="Content-Type" content="…; charset=…">`, an
XML declaration), else UTF-8, else GB18030 (which reads GB2312 and GBK). Bytes that are valid UTF-8 with non-ASCII
characters are read as UTF-8 even under another label: sites moved to UTF-8 often kept the old GB2312 `<meta>`, and
Chinese text in GBK is never valid UTF-8 by accident.
"""

from __future__ import annotations

import codecs
import re

#: How far into the file the encoding declaration is looked for (the WHATWG prescan reads 1024 bytes; saved pages
#: often carry a long comment or script first).
PRESCAN_BYTES = 8192
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)
#: Labels of the Chinese national encodings, all read as GB18030 (their superset), as browsers read them as GBK.
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312", "gb_2312-80", "csgb2312", "cp936", "ms936", "windows-936", "chinese",
       "iso-ir-58", "euc-cn", "x-euc-cn", "gb18030", "hz-gb-2312"}
#: Western single-byte labels, read as windows-1252 as browsers do (which, unlike latin-1, refuses some bytes, so a
#: Chinese page mislabelled this way falls back to the Chinese encodings).
_WESTERN = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def declared_encoding(data: bytes) -> str | None:
    """The Python codec for the encoding the page declares in its first bytes, if any (None for an unknown label)."""
    head = data[:PRESCAN_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    return codec_name(match.group(1).decode("ascii").lower())


def codec_name(label: str) -> str | None:
    """The Python codec for an encoding label (`gb2312` → `gb18030`), None when Python knows none by that name."""
    label = label.strip().lower()
    if label in _GB:
        return "gb18030"
    if label in _WESTERN:
        return "cp1252"
    if label in ("unicode", "utf-16le", "utf-16be", "ucs-2"):
        return "utf-16"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_page(data: bytes) -> str:
    """The page's text, by the rules of the module docstring; never fails (undecodable bytes become U+FFFD)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    declared = declared_encoding(data)
    tried = []
    if declared and declared not in ("utf-8", "utf-16") and not data.isascii():
        tried.append("utf-8")  # valid UTF-8 with Chinese in it is UTF-8, whatever the old <meta> says
    for codec in (*tried, declared, "utf-8", "gb18030"):
        if not codec or codec == "utf-16":
            continue
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", errors="replace")


_SPACE = re.compile(r"[ \t\n\r\f]+")
#: Characters that show nothing and only break label matching and numbers (zero-width spaces, joiners, BOM).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_WIDE = 0x2E80  # from here on, CJK punctuation and ideographs: no space between them when the source wraps a line


def collapse(raw: str) -> str:
    """A run of text as a browser shows it: each run of white space one space, none where the source merely wrapped a
    line between two Chinese characters; no-break spaces (&nbsp;) kept as spaces; no leading or trailing space."""

    def space(match: re.Match[str]) -> str:
        if "\n" in match.group() or "\r" in match.group():
            before = raw[match.start() - 1] if match.start() else ""
            after = raw[match.end()] if match.end() < len(raw) else ""
            if before and after and ord(before) >= _WIDE and ord(after) >= _WIDE:
                return ""
        return " "

    return _SPACE.sub(space, raw.translate(_INVISIBLE)).replace("\u00a0", " ").strip()
