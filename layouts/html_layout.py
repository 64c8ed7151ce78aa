"""What the web page carries for its reader: the `<meta>` holding the agency level.

The page does not print the level (neither does the Word report); the HTML export writes it in
`<meta name="govreport-level" content="…">` and the HTML importer reads it back, as the Word file's document property
(layouts.docx_layout.LEVEL_PROPERTY) does for Word. A page pasted into a portal loses it, and the clerk is asked.
"""

from __future__ import annotations

LEVEL_META = "govreport-level"
