"""Hostile and broken Word/Excel files: refused before parsing (bombs, DTDs) or imported cleanly, never an
unhandled exception and never a hang. Time and memory of the bomb refusals are measured and printed."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from importers import LoadError, read_report
from tests.conftest import ROOT
from tests.robustness.office_files import members, outcome, pack, seed_files

pytestmark = pytest.mark.robustness

_MEASURE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from importers import LoadError, read_report
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    read_report(sys.argv[1])
    result = "imported"
except LoadError as exc:
    result = exc.message
elapsed = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"result": result, "seconds": elapsed, "grew_mb": (after - before) / 1024}}))
"""


def _measure(path):
    done = subprocess.run([sys.executable, "-c", _MEASURE.format(root=str(ROOT)), str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_real_zip_bombs_are_refused_fast_and_small(tmp_path, kind):
    """1 MB archives inflating to about 1 GB: one huge member, and many members."""
    main = "word/document.xml" if kind == "docx" else "xl/worksheets/sheet1.xml"
    report = []
    big = tmp_path / f"big.{kind}"
    with zipfile.ZipFile(big, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(main, "w", force_zip64=True) as member:
            chunk = b"\0" * (16 * 1024 * 1024)
            for _ in range(64):  # 1 GiB of zeros
                member.write(chunk)
    many = tmp_path / f"many.{kind}"
    with zipfile.ZipFile(many, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for i in range(20_000):
            archive.writestr(f"word/media/p{i}.xml", b"")
    for path in (big, many):
        measured = _measure(path)
        assert measured["result"] != "imported" and path.name in measured["result"]
        assert measured["seconds"] < 2.0 and measured["grew_mb"] < 200
        report.append(f"{path.name} ({path.stat().st_size / 1024 / 1024:.1f} MB): refused in "
                      f"{measured['seconds'] * 1000:.0f} ms, memory +{measured['grew_mb']:.0f} MB")
    print("\n" + "\n".join(report))


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_external_entities_and_dtds_in_any_part(tmp_path, kind):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容-不得泄露", encoding="utf-8")
    parts = members(seed_files()[kind])
    for name in [n for n in parts if n.endswith((".xml", ".rels"))][:6]:
        xxe = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
               .encode() + parts[name].split(b"?>", 1)[-1].replace(b">", b">&x;", 1))
        path = tmp_path / f"xxe-{name.replace('/', '_')}.{kind}"
        path.write_bytes(pack({**parts, name: xxe}))
        with pytest.raises(LoadError) as refused:
            read_report(path)
        assert "DTD" in refused.value.message and "机密" not in refused.value.message


@pytest.mark.parametrize("columns", [0, 500])
def test_word_tables_with_no_or_500_columns(tmp_path, columns):
    import docx

    document = docx.Document()
    document.add_paragraph("某局2024年政府信息公开工作年度报告")
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    if columns:
        table = document.add_table(rows=3, cols=columns)
        table.cell(0, 0).text = "申请人情况"
    else:
        document.element.body.append(document.element.body.makeelement(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tbl", {}))
    path = tmp_path / f"cols{columns}.docx"
    document.save(str(path))
    assert outcome(path) in ("imported", "refused")


def test_huge_narrative_control_characters_surrogates_and_40_digits(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某局2024年政府信息公开工作年度报告")
    document.add_paragraph("一、总体情况")
    document.add_paragraph("主动公开。" * 3_500_000)  # 17.5 M characters: 52 MB of UTF-8 in one paragraph
    document.add_paragraph("二、主动公开政府信息情况")
    table = document.add_table(rows=2, cols=4)
    table.cell(0, 0).text = "规章"
    table.cell(0, 1).text = "1" * 40
    path = tmp_path / "big-text.docx"
    document.save(str(path))
    parts = members(path.read_bytes())
    odd_text = "主动\x01公开\ud800。".encode("utf-8", "surrogatepass")
    parts["word/document.xml"] = parts["word/document.xml"].replace("主动公开。".encode(), odd_text, 5)
    odd = tmp_path / "odd-chars.docx"
    odd.write_bytes(pack(parts))
    assert outcome(path) in ("imported", "refused")
    assert outcome(odd) in ("imported", "refused")


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_truncated_bitflipped_renamed_and_empty(tmp_path, kind):
    data = seed_files()[kind]
    cases = {"truncated": data[: len(data) // 2], "empty": b"", "renamed-text": "这不是文档".encode(),
             "bitflipped": bytes(b ^ 0x55 if i % 997 == 0 else b for i, b in enumerate(data))}
    for name, content in cases.items():
        path = tmp_path / f"{name}.{kind}"
        path.write_bytes(content)
        assert outcome(path) == "refused", name
