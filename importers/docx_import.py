"""Import a report from Word/WPS (.docx): one pass over the body, then the Report and what the clerk must know.

`read_docx(path)` returns an `Imported` (report, notices, format) or raises LoadError. The file must already have
passed `importers.sniff.identify`, which checks the zip before python-docx opens anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from importers.docx_labels import norm
from importers.docx_reader import DocxUnreadable, WordTable, read_document
from importers.docx_t3 import T3Reader
from importers.docx_t4 import T4Reader
from importers.docx_tables import Found, classify, read_t2
from importers.docx_text import as_date, find_title, is_blank_date, match_section, split_narrative, year_from_period
from importers.result import Imported, LoadError
from layouts.docx_layout import ATTACHMENT_NOTE, CHECKLIST_TITLE, SIGNOFF_TITLE
from models.app_info import DRAFT_MARK
from models.format import format2019
from models.format import format2021 as fmt
from models.format.level_from_name import infer_level
from models.report import Meta, Report
from models.values import InvalidValue, ValueRefused, is_number, parse

SECTION_INDEX = {s.key: i for i, s in enumerate(fmt.SECTIONS)}
_QUOTE_CHARS = 30
#: The 2021 rows of （六）其他处理, which the 2019 format holds as one row.
_OTHER_LEAVES = tuple(r.key for r in fmt.T3_ROWS if r.group == format2019.T3_OTHER_GROUP)


@dataclass
class Layout:
    """The body sorted into front matter (title, preamble) and sections; the tables read on the way."""

    front: list[str] = field(default_factory=list)
    sections: dict[int, list[str]] = field(default_factory=dict)
    found: Found = field(default_factory=Found)
    ignored_tables: list[int] = field(default_factory=list)


def read_docx(path: Path) -> Imported:
    try:
        blocks, category = read_document(path)
    except DocxUnreadable as exc:
        raise LoadError(path, exc.message) from None
    return read_blocks(blocks, path, category, "docx")


def read_blocks(blocks: list[str | WordTable], path: Path, category: str = "", source: str = "docx") -> Imported:
    """The report in `blocks` (paragraph texts and tables in reading order, as importers.docx_reader reads them from
    a .docx and importers.html_reader from a web page); `category` the agency level the file carries, if any;
    `source` the kind of file for the Imported. Raises LoadError when nothing in it looks like a report."""
    extras: list[str] = []
    blocks = strip_own_extras(blocks, extras)
    layout = lay_out(blocks)
    if not layout.sections and not layout.found.tables:
        raise LoadError(path, f"“{path.name}”不像是政府信息公开工作年度报告：没有找到“一、总体情况”等标题，"
                              "也没有找到报告的表格。请确认选择了正确的文件。")
    # A report of the superseded 2019 format is a 2019 report (models/format/format2019.py), judged by that format.
    is_2019 = is_2019_format(layout)
    report = Report(template=format2019.TEMPLATE_ID if is_2019 else fmt.TEMPLATE_ID)
    notices: list[str] = list(extras)
    if is_2019:
        notices.append(f"这是2019年版格式（{format2019.FORMAT_NOTICE}）的报告，按2019年版格式导入和检查"
                       "（表二的栏目与2021年版不同，按原报告的栏目导入）。")
    _meta(report, layout, notices, category)
    _tables(report, layout.found, notices)
    _narrative(report, layout, notices)
    return Imported(report, aggregate_notices(notices), report.template, source)


LAST_2019_FORMAT_YEAR = 2020  # the 2021 format (国办公开办函〔2021〕30号) starts with the reports for 2021


def is_2019_format(layout: Layout) -> bool:
    """Table 二 decides (its own labels); a single （六）其他处理 row alone does not, since 2021 reports print it so
    too. Without a table 二, a single （六） row in a report for 2020 or earlier does."""
    found = layout.found
    if "t2" in found.tables:
        return found.format2019
    title = find_title(layout.front)
    return (found.single_other is not None and title is not None and title.year is not None
            and title.year <= LAST_2019_FORMAT_YEAR)


MAX_TABLE_COLUMNS = 40   # table 四 has 15 grid columns
MAX_TABLE_ROWS = 200     # table 三 has 28 rows (a repeated header or a split adds a few)


AGGREGATE_OVER = 5  # more notices than this of one kind become one line


def aggregate_notices(notices: list[str]) -> list[str]:
    """One line instead of hundreds: `表三·…：已去掉“件”，按12填写。` for every cell becomes a count per unit."""
    units = [m.group(1) for n in notices if (m := _DROPPED.search(n))]
    dropped = {unit: units.count(unit) for unit in units if units.count(unit) > AGGREGATE_OVER}
    kept: list[str] = []
    shown: set[str] = set()
    for notice in notices:
        match = _DROPPED.search(notice)
        if match and match.group(1) in dropped:
            if match.group(1) in shown:
                continue
            shown.add(match.group(1))
        kept.append(notice)
    for unit, count in dropped.items():
        if count:
            first = next(i for i, n in enumerate(kept) if (m := _DROPPED.search(n)) and m.group(1) == unit)
            kept[first] = f"{count}个单元格中的“{unit}”已去掉，只保留数字（例如{kept[first]}）"
    return kept


_DROPPED = re.compile(r"已去掉“([^”]+)”，按")


def strip_own_extras(blocks: list[str | WordTable], notices: list[str]) -> list[str | WordTable]:
    """Drop the optional pages our Word export adds: the 审核签发单 before the report (its title and table) and the
    附件 自查清单 after 六, which are not part of the report."""
    texts = [norm(b) if isinstance(b, str) else None for b in blocks]
    first = next((i for i, t in enumerate(texts) if t), None)
    if first is not None and texts[first] == norm(SIGNOFF_TITLE):
        end = first + 1
        while end < len(blocks) and (isinstance(blocks[end], WordTable) or not texts[end]):
            end += 1
        blocks = blocks[end:]
        texts = texts[end:]
        notices.append(f"已略过报告前的“{SIGNOFF_TITLE}”。")
    for i, text in enumerate(texts):
        following = next((t for t in texts[i + 1:] if t), None)
        if text == norm("附件") and following == norm(CHECKLIST_TITLE):
            notices.append(f"已略过文末的附件“{CHECKLIST_TITLE}”。")
            # Its 附件说明 line under the body goes too: it is not part of 六.
            return [b for b, t in zip(blocks[:i], texts[:i], strict=True) if t != norm(ATTACHMENT_NOTE)]
    return blocks


def lay_out(blocks: list[str | WordTable]) -> Layout:
    layout = Layout()
    found = layout.found
    t3 = T3Reader(found)
    t4 = T4Reader(found)
    current = -1          # index of the section being read (-1: before 一、总体情况)
    previous_table = ""   # kind of the table just before, when nothing but empty paragraphs came between
    for block in blocks:
        if isinstance(block, str):
            text = block.strip()
            if not text:
                continue
            previous_table = ""
            heading = match_section(text, current)
            if heading is not None:
                current, rest = heading
                layout.sections.setdefault(current, [])
                if rest:
                    layout.sections[current].append(rest)
            elif current < 0:
                layout.front.append(text)
            else:
                layout.sections[current].append(text)
            continue
        if block.width > MAX_TABLE_COLUMNS or len(block.rows) > MAX_TABLE_ROWS:
            # Far larger than any of the official tables: not one of them, and too costly to match label by label.
            layout.ignored_tables.append(block.number)
            previous_table = ""
            continue
        kind = classify(block) or previous_table
        if not kind and current >= 0:
            kind = fmt.SECTIONS[current].table
        if not kind:
            if any(box.text.strip() for row in block.rows for box in row):
                layout.ignored_tables.append(block.number)
            continue
        if kind == "t2":
            read_t2(block, found)
        elif kind == "t3":
            t3.read(block)
        else:
            t4.read(block)
        found.tables.add(kind)
        current = max(current, SECTION_INDEX[fmt.SECTION_OF_TABLE[kind].key])
        layout.sections.setdefault(current, [])
        previous_table = kind
    if "t4" in found.tables:
        t4.finish()
    if "t3" in found.tables:
        t3.finish()
    return layout


def _meta(report: Report, layout: Layout, notices: list[str], category: str = "") -> None:
    front = [p for p in layout.front if norm(p) != norm(DRAFT_MARK)]
    if len(front) < len(layout.front):
        notices.append(f"该文件标注为“{DRAFT_MARK}”：导出时报告还有错误，请检查。")
    title = find_title(front)
    preamble = front[title.paragraphs:] if title else list(front)
    meta = Meta(agency=title.agency if title else "", year=title.year if title else None)
    if not title:
        notices.append("未找到报告标题（“××机关××年政府信息公开工作年度报告”），机关名称和年度请在基本信息中填写。")
    elif not meta.agency:
        notices.append("标题中没有机关名称，请在基本信息中填写。")
    dates = [(i, d) for i, p in enumerate(preamble) if (d := as_date(p)) is not None]
    if dates:
        meta.publish_date = dates[0][1]
        preamble = [p for i, p in enumerate(preamble) if i not in {i for i, _ in dates}]
    if meta.year is None:
        meta.year = year_from_period("\n".join(preamble))
        if meta.year is not None:
            notices.append(f"报告年度按统计期限读作{meta.year}年，请核对。")
    s6 = layout.sections.get(SECTION_INDEX["s6"], [])
    signature: list[str] = []
    while s6 and (as_date(s6[-1]) is not None or is_blank_date(s6[-1])
                  or (meta.agency and norm(s6[-1]) == norm(meta.agency))):
        signature.insert(0, s6.pop())
    if signature:
        meta.publish_date = meta.publish_date or next((d for p in signature if (d := as_date(p))), None)
        notices.append(f"文末落款“{' '.join(signature)}”未计入“{fmt.SECTION_BY_KEY['s6'].heading}”。")
    if preamble:
        report.texts[fmt.PREAMBLE_KEY] = "\n".join(preamble)
    if category.strip() in fmt.LEVELS:
        meta.level = category.strip()  # written by our exporter
    elif inferred := infer_level(meta.agency):
        meta.level = inferred
        notices.append(f"机关层级按机关名称“{meta.agency}”推定为“{inferred}”，如有不符请在基本信息中改正（用于检查规章一栏）。")
    else:
        notices.append("机关层级无法从 Word 文件中读出，请在基本信息中选择（用于检查规章一栏）。")
    report.meta = meta


def _fold_other_rows(found: Found, notices: list[str]) -> None:
    """A 2019 report whose table 三 splits （六） into the 2021 rows: their sum is the 2019 row (a column with a
    blank or unreadable part stays blank), with a notice."""
    parts = {k: v for k, v in found.raw.items() if k.split(".")[1] in _OTHER_LEAVES}
    if not parts:
        return
    for key in parts:
        del found.raw[key]
    target = format2019.T3_OTHER_ROW
    for col in fmt.T3_COLUMNS:
        values = []
        for row in _OTHER_LEAVES:
            try:
                values.append(parse(fmt.t3(row, col.key), parts.get(fmt.t3(row, col.key), "")).value)
            except ValueRefused:
                values.append(None)
        if all(is_number(v) for v in values):
            found.raw[fmt.t3(target.key, col.key)] = str(sum(values))  # type: ignore[arg-type]
    notices.append(f"表三的“{target.label}”按2019年版格式为一行，已把原表中的各分项相加后填入，请核对。")


def _single_other_row(report: Report, found: Found, notices: list[str]) -> None:
    """Place a single （六）其他处理 row: the 2019 format's own row; in a 2021 report, its three rows when all 0
    (0/0/0), else 3.其他 with the other two marked unsplit (a warning until the clerk splits them, never V-1)."""
    texts = found.single_other
    if texts is None:
        return
    label = format2019.T3_OTHER_ROW.label
    if report.template == format2019.TEMPLATE_ID:
        for col, text in texts.items():
            found.put(fmt.t3(format2019.T3_OTHER_ROW.key, col), text)
        return
    *first, last = _OTHER_LEAVES
    values = []
    for col, text in texts.items():
        try:
            values.append(parse(fmt.t3(last, col), text).value)
        except ValueRefused:
            values.append(None)
    if len(texts) == len(fmt.T3_COLUMNS) and all(v == 0 for v in values):
        for row in _OTHER_LEAVES:
            for col in texts:
                found.put(fmt.t3(row, col), "0")
        notices.append(f"表三的“{label}”在原报告中只有一行，且都为0，其三个分项已按0导入。")
        return
    for col, text in texts.items():
        found.put(fmt.t3(last, col), text)
    report.workspace.unsplit = frozenset(fmt.t3(row, col.key) for row in first for col in fmt.T3_COLUMNS)
    notices.append(f"表三的“{label}”在原报告中只有一行（2021年版分为三项），其数字已计入“{fmt.T3_ROW_BY_KEY[last].name}”；"
                   f"第1、2项原报告未分列，请按办理记录分列填写。")


def _tables(report: Report, found: Found, notices: list[str]) -> None:
    if report.template == format2019.TEMPLATE_ID:
        _fold_other_rows(found, notices)
    _single_other_row(report, found, notices)
    format_ = report.format
    missing = [t for t in ("t2", "t3", "t4") if t not in found.tables]
    if len(missing) == 3:
        notices.append("没有找到可识别的表格（可能是以图片形式插入的），表二、表三、表四的数字须手工填写。")
    else:
        for table in missing:
            notices.append(f"没有找到{fmt.TABLE_NAMES[table]}（{fmt.TABLE_TITLES[table]}）的表格（可能是以图片形式插入的），"
                           f"{fmt.TABLE_NAMES[table]}的数字须手工填写。")
    notices.extend(found.notices)
    for key, text in found.raw.items():
        try:
            parsed = parse(key, text)
        except ValueRefused as refused:
            report.set(key, InvalidValue(text.strip(), refused.message))
            notices.append(f"{format_.cell_label(key)}：{refused.message}已原样保留，请改正。")
            continue
        report.set(key, parsed.value)
        if parsed.notice and parsed.value is not None:
            notices.append(f"{format_.cell_label(key)}：{parsed.notice}")
    for table in sorted(found.tables):
        blank = [c.key for c in format_.cells if c.table == table and report.is_blank(c.key)
                 and c.key not in report.workspace.unsplit]
        if blank:
            examples = "、".join(format_.cell_label(k) for k in blank[:3]) + ("等" if len(blank) > 3 else "")
            notices.append(f"{fmt.TABLE_NAMES[table]}有{len(blank)}个单元格空白（或填的是“—”“/”），已留空：{examples}。"
                           "空白不等于0，请填写数字。")


#: A caption over a table or its continuation (表四, 表四（续）, 续表): part of the table's layout, not text to import.
_TABLE_CAPTION = re.compile(r"续?表[二三四]?[(（]?续?[)）]?[:：]?")


def _narrative(report: Report, layout: Layout, notices: list[str]) -> None:
    for index, paragraphs in sorted(layout.sections.items()):
        section = fmt.SECTIONS[index]
        if section.key in fmt.NARRATIVE_SECTIONS:
            texts, headings, variants = split_narrative(section, paragraphs)
            report.texts.update(texts)
            for key, wording in headings.items():
                report.set_heading(key, wording)  # the clerk's wording of a sub-heading, kept for the export
            notices.extend(variants)
        elif paragraphs := [p for p in paragraphs if not _TABLE_CAPTION.fullmatch(norm(p))]:
            text = "".join(paragraphs)
            quoted = text if len(text) <= _QUOTE_CHARS else text[:_QUOTE_CHARS] + "…"
            notices.append(f"“{section.heading}”中表格以外的文字未导入（共{len(text)}字）：“{quoted}”。")
    for key in fmt.NARRATIVE_SECTIONS:
        if SECTION_INDEX[key] not in layout.sections:
            notices.append(f"没有找到“{fmt.SECTION_BY_KEY[key].heading}”部分，其正文留空。")
    if layout.ignored_tables:
        numbers = "、".join(f"第{n}个" for n in layout.ignored_tables)
        notices.append(f"{numbers}表格不是报告规定的表格，未导入。")
