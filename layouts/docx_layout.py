"""What the Word report carries for its reader: the appendix titles and the core property holding the agency level."""

from __future__ import annotations

SIGNOFF_TITLE = "审核签发单"
CHECKLIST_TITLE = "自查清单"

#: The core property (docProps/core.xml, python-docx's `core_properties` attribute) that carries `Meta.level`:
#: the exporter writes the level there and the Word importer reads it back (the body does not say it).
LEVEL_PROPERTY = "category"
