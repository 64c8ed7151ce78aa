"""Where the 落款 sits (GB/T 9704 §7.3.5.2, a report without a seal): the agency's name right-aligned two characters
in from the margin, the date on the next line starting two characters right of the name's first character; a date
longer than the name is set two characters in and the name moves left to keep that offset.

Qt-free: the Word export and the page renderer place the 落款 the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from layouts.text_width import display_width

#: The 署名's and, for a long date, the date's distance from the right margin (右空二字), in characters.
RIGHT_SPACE = 2
#: How far the date's first character stands right of the 署名's first character (首字比署名首字右移二字).
DATE_OFFSET = 2


@dataclass(frozen=True)
class SignatureIndents:
    """Right indents of the two 落款 lines, in full-width characters."""

    agency: float
    date: float


def signature_indents(agency: str, date_text: str) -> SignatureIndents:
    name, date = display_width(agency), display_width(date_text)
    if not agency:
        return SignatureIndents(RIGHT_SPACE, RIGHT_SPACE)
    if date <= name:
        return SignatureIndents(RIGHT_SPACE, RIGHT_SPACE + name - DATE_OFFSET - date)
    return SignatureIndents(RIGHT_SPACE + date + DATE_OFFSET - name, RIGHT_SPACE)
