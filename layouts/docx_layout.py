"""What the Word report carries for its reader: the appendix titles and the core property holding the agency level."""

from __future__ import annotations

SIGNOFF_TITLE = "审核签发单"
CHECKLIST_TITLE = "自查清单"
#: The 附件说明 line under the body when the 自查清单 is appended (GB/T 9704 §7.3.6); the importer drops it.
ATTACHMENT_NOTE = f"附件：{CHECKLIST_TITLE}"

#: The core property (docProps/core.xml, python-docx's `core_properties` attribute) that carries `Meta.level`:
#: the exporter writes the level there and the Word importer reads it back (the body does not say it).
LEVEL_PROPERTY = "category"
