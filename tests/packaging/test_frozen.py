"""The frozen app (PyInstaller, dist/gov-info-report) runs without Python around it: every command, every data file,
the worker processes of the batch check, the Word and Excel exports, the GUI offscreen, within the size budget."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cli.batch import POOL_MIN_FILES
from models.app_info import APP_VERSION
from tests.conftest import ROOT, SAMPLE
from tests.packaging.conftest import (
    BUNDLED_SAMPLE,
    FROZEN_DIR,
    GUI_EXE,
    INTERNAL,
    WINDOWS,
    only_undated,
    require,
    run,
)

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(300)]

FOLDER_BUDGET_MB = 200
LINUX_ONLY = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle layout and ELF libraries")


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def test_version(frozen):
    result = run([frozen, "--version"])
    assert result.returncode == 0, result.stderr
    assert APP_VERSION in result.stdout and "2021" in result.stdout


def test_bundled_sample_checks_clean(frozen):
    assert BUNDLED_SAMPLE.read_bytes() == SAMPLE.read_bytes()
    result = run([frozen, "check", BUNDLED_SAMPLE])
    assert result.returncode == 0, result.stdout + result.stderr
    assert only_undated(result.stdout), result.stdout


def test_check_json_names_the_sample(frozen):
    result = run([frozen, "check", "--json", BUNDLED_SAMPLE])
    assert result.returncode == 0, result.stderr
    assert "铜官区招商服务中心" in result.stdout


def test_batch_check_runs_its_worker_processes(frozen, tmp_path):
    """Enough files for the process pool: the frozen exe must start its own workers (freeze_support)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(POOL_MIN_FILES):
        shutil.copy(BUNDLED_SAMPLE, folder / f"{i:02d}.nianbao")
    summary = tmp_path / "summary.xlsx"
    result = run([frozen, "check", folder, "--summary", summary], timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"已检查{POOL_MIN_FILES}个文件：通过0份，有警告{POOL_MIN_FILES}份，有错误0份" in result.stdout  # W-DATE
    assert zipfile.is_zipfile(summary)


def _normalised_members(path: Path) -> dict[str, bytes]:
    """The members of an Office file, without what differs from run to run (creation time, the draft's saved_at)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}
    return {name: re.sub(rb'"saved_at": "[^"]*"', b"", data) for name, data in members.items()}


def test_exports_match_the_app_run_from_source(frozen, tmp_path):
    frozen_out, source_out = tmp_path / "frozen", tmp_path / "source"
    for folder, command in ((frozen_out, [frozen]), (source_out, [sys.executable, ROOT / "main.py"])):
        folder.mkdir()
        result = run([*command, "export", SAMPLE, "--docx", folder / "r.docx", "--xlsx", folder / "r.xlsx"])
        assert result.returncode == 0, result.stdout + result.stderr
    for name in ("r.docx", "r.xlsx"):
        assert _normalised_members(frozen_out / name) == _normalised_members(source_out / name), name


def test_exports_import_back(frozen, tmp_path):
    """The frozen importers read what the frozen exporters wrote (Word through lxml, Excel through openpyxl)."""
    docx, xlsx = tmp_path / "r.docx", tmp_path / "r.xlsx"
    assert run([frozen, "export", BUNDLED_SAMPLE, "--docx", docx, "--xlsx", xlsx]).returncode == 0
    for source in (docx, xlsx):
        draft = tmp_path / f"{source.suffix[1:]}.nianbao"
        result = run([frozen, "import", source, "-o", draft])
        assert result.returncode == 0, result.stdout + result.stderr
        checked = run([frozen, "check", draft])
        assert checked.returncode == 0 and only_undated(checked.stdout), checked.stdout + checked.stderr


def test_stock_fonts_export(frozen, tmp_path):
    result = run([frozen, "export", BUNDLED_SAMPLE, "--docx", tmp_path / "r.docx", "--stock-fonts"])
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "r.docx") as archive:
        xml = archive.read("word/document.xml") + archive.read("word/styles.xml")
    assert "仿宋".encode() in xml and "仿宋_GB2312".encode() not in xml


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_screenshots_of_every_page(frozen, tmp_path):
    result = run([GUI_EXE, "--screenshots", tmp_path], timeout=180)
    assert result.returncode == 0, result.stderr
    shots = sorted(tmp_path.glob("*.png"))
    assert [p.name for p in shots][:2] == ["00-start.png", "01-meta.png"] and len(shots) == 9
    for shot in shots:
        assert png_size(shot) == (1366, 768) and shot.stat().st_size > 20_000, shot


def test_data_files_are_bundled(frozen):
    resources = INTERNAL / "resources"
    assert (resources / "style.qss").is_file()
    assert {f"app-{n}.png" for n in (16, 32, 48, 256)} <= {p.name for p in (resources / "icons").iterdir()}
    assert list(INTERNAL.glob("docx/templates/default*.docx")), "python-docx's default template"
    assert (INTERNAL / "docx" / "parts").is_dir(), "python-docx opens docx/parts/../templates/…"


def test_only_the_chinese_qt_translation_is_bundled(frozen):
    """ui/qt_chinese.py loads qtbase_zh_CN from QLibraryInfo's TranslationsPath; in the frozen app that is PySide6's own
    translations folder (PySide6/Qt/translations on Linux, PySide6/translations on Windows)."""
    qm = sorted(p.name for p in INTERNAL.rglob("*.qm"))
    assert qm == ["qtbase_zh_CN.qm"]
    folder = INTERNAL / "PySide6" / ("translations" if WINDOWS else "Qt/translations")
    assert (folder / "qtbase_zh_CN.qm").is_file()


def test_unused_qt_parts_are_left_out(frozen):
    names = {p.name.lower() for p in FROZEN_DIR.rglob("*")}
    for unwanted in ("opengl32sw.dll", "qt6network.dll", "libqt6network.so.6", "libqvnc.so", "libqeglfs.so",
                     "libqgtk3.so", "libqwayland.so", "qdirect2d.dll", "qtnetwork.pyd", "qtnetwork.abi3.so"):
        assert unwanted not in names, unwanted
    platforms = {p.name for p in INTERNAL.rglob("plugins/platforms/*")}
    assert platforms & {"libqxcb.so", "qwindows.dll"}, "the desktop platform plugin"
    assert platforms & {"libqoffscreen.so", "qoffscreen.dll"}


def test_folder_within_the_size_budget(frozen, capsys):
    size = folder_mb(FROZEN_DIR)
    with capsys.disabled():
        print(f"\nfrozen folder {FROZEN_DIR.relative_to(ROOT)}: {size:.1f} MB (budget {FOLDER_BUDGET_MB} MB)")
    assert size <= FOLDER_BUDGET_MB


@LINUX_ONLY
def test_every_library_resolves_from_the_bundle_or_the_system(frozen):
    """Left-out system libraries (the .deb's Depends) and bundled ones alike: nothing the loader cannot find."""
    require(shutil.which("ldd") is not None, "ldd is not installed")
    missing = []
    for path in FROZEN_DIR.rglob("*"):
        if path.is_file() and (".so" in path.name or path == GUI_EXE) and path.read_bytes()[:4] == b"\x7fELF":
            output = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
            missing += [f"{path.relative_to(FROZEN_DIR)}: {line.strip()}" for line in output.splitlines()
                        if "not found" in line]
    assert not missing, "\n".join(missing)


@LINUX_ONLY
def test_real_x11_window(frozen, tmp_path):
    """The xcb platform plugin and the system libraries it needs, under Xvfb: the way a desktop runs the app."""
    require(shutil.which("xvfb-run") is not None, "xvfb-run is not installed (apt-get install xvfb xauth)")
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", str(GUI_EXE), "--screenshots",
                             str(tmp_path)], env={**_env_without_qpa(), "QT_QPA_PLATFORM": "xcb"},
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert len(list(tmp_path.glob("*.png"))) == 9
    assert png_size(tmp_path / "00-start.png") == (1366, 768)


def _env_without_qpa() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}


def test_startup_against_the_bare_qt_floor(frozen, capsys):
    """Start to a shown start page, timed as packaging/startup.py does; printed, with a loose bound that catches a
    build that unpacks itself on every start (one-file) or loads far more than it needs."""
    spec = importlib.util.spec_from_file_location("startup", ROOT / "packaging" / "startup.py")
    startup = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(startup)
    samples = startup.measure(GUI_EXE, repeat=5)
    with capsys.disabled():
        print("\n" + startup.report(samples))
    ratio = min(samples["frozen app"]) / min(samples["floor (bare Qt)"])
    assert ratio <= 3.0


def test_portable_zip_keeps_data_beside_the_exe(frozen, tmp_path, capsys):
    """packaging/portable_zip.py's zip, unpacked anywhere: the frozen app keeps its data in data/ beside the exe and
    writes nothing into the user's folders."""
    spec = importlib.util.spec_from_file_location("portable_zip", ROOT / "packaging" / "portable_zip.py")
    portable_zip = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(portable_zip)
    archive = portable_zip.make_portable_zip(FROZEN_DIR, tmp_path / "portable.zip")
    with capsys.disabled():
        print(f"\nportable zip: {archive.stat().st_size / 2**20:.1f} MB")
    unpacked = tmp_path / "U 盘"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unpacked)
        for info in zipped.infolist():  # zipfile does not restore the executable bits
            if info.external_attr >> 16 & 0o111:
                (unpacked / info.filename).chmod(info.external_attr >> 16 & 0o777)
    app = unpacked / FROZEN_DIR.name
    assert (app / "portable").is_file()
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("GOVREPORT_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                                             "XDG_STATE_HOME", "XDG_CACHE_HOME")}
    env.update(HOME=str(home), USERPROFILE=str(home), LOCALAPPDATA=str(home / "AppData" / "Local"),
               APPDATA=str(home / "AppData" / "Roaming"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([str(app / GUI_EXE.name), "--screenshots", str(tmp_path / "shots")], env=env,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert {p.name for p in (app / "data").iterdir()} >= {"autosave", "config"}
    assert not [p for p in home.rglob("*") if "gov-info-report" in str(p)]


def test_infographic_matches_the_app_run_from_source(frozen, tmp_path):
    """一图读懂 (QPainter to PNG, QPdfWriter to PDF) in the frozen app: the PNG is the very one the source draws."""
    from cli.main import COMMANDS

    if "infographic" not in COMMANDS:
        pytest.skip("this branch has no infographic command yet")
    frozen_png, source_png, pdf = tmp_path / "frozen.png", tmp_path / "source.png", tmp_path / "frozen.pdf"
    for command, out in (([frozen], frozen_png), ([frozen], pdf), ([sys.executable, ROOT / "main.py"], source_png)):
        result = run([*command, "infographic", SAMPLE, "-o", out])
        assert result.returncode == 0, result.stdout + result.stderr
    assert frozen_png.read_bytes() == source_png.read_bytes()
    assert pdf.read_bytes()[:5] == b"%PDF-"
