"""The package around the Word report: what python-docx's template would otherwise leave in it.

Its template was saved by "Microsoft Macintosh Word" on 2013-12-23, in Word 2010 compatibility mode (Word 2013 and
later open it as 兼容模式), with a thumbnail of an empty page and a leftover bibliography part. The report states
its own: created and modified now, this app as the application, Word 2013+ layout, no thumbnail, no custom XML.
"""

from __future__ import annotations

from datetime import UTC, datetime
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from models.app_info import APP_NAME, APP_VERSION

#: Word 2013 and later lay the document out natively (no 兼容模式) at this compatibility mode.
COMPATIBILITY_MODE = "15"
_WORD_URI = "http://schemas.microsoft.com/office/word"
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>Normal.dotm</Template><TotalTime>0</TotalTime><DocSecurity>0</DocSecurity>"
    "<Application>{application}</Application><Company>{company}</Company>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def application_name() -> str:
    """What the file says made it (docProps/app.xml)."""
    return f"{APP_NAME} {APP_VERSION}"


def tidy_package(document: Document, *, company: str, now: datetime | None = None) -> None:
    """Dates, application, compatibility mode; drop the template's thumbnail and custom XML parts."""
    stamp = (now or datetime.now(UTC)).replace(microsecond=0)
    document.core_properties.created = stamp
    document.core_properties.modified = stamp
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _APP_XML.format(
                application=escape(application_name()), company=escape(company)).encode("utf-8")
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML:
            document.part.rels.pop(rel_id)
    settings = document.settings.element
    for preview in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(preview)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode" and setting.get(qn("w:uri")) == _WORD_URI:
            setting.set(qn("w:val"), COMPATIBILITY_MODE)
