"""The Windows installer script (packaging/installer.nsi) compiles with makensis, warnings as errors, against a
stand-in payload; the compiler's own log shows what the installer will do on a clerk's PC."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from models.app_info import APP_NAME, APP_VERSION, DRAFT_SUFFIX
from tests.conftest import ROOT
from tests.packaging.conftest import require

pytestmark = pytest.mark.packaging

SCRIPT = ROOT / "packaging" / "installer.nsi"
PROG_ID = "GovInfoReport.Draft"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> tuple[Path, str]:
    makensis = shutil.which("makensis")
    require(makensis is not None, "makensis is not installed (apt-get install nsis)")
    tmp = tmp_path_factory.mktemp("nsis")
    payload = tmp / "payload"  # what PyInstaller makes on Windows, in miniature
    (payload / "_internal" / "resources" / "samples").mkdir(parents=True)
    for exe in ("gov-info-report.exe", "gov-info-report-cli.exe"):
        (payload / exe).write_bytes(b"MZ stand-in")
    shutil.copy(ROOT / "resources" / "style.qss", payload / "_internal" / "resources")
    shutil.copy(ROOT / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao",
                payload / "_internal" / "resources" / "samples")
    setup = tmp / f"gov-info-report-{APP_VERSION}-setup.exe"
    result = subprocess.run([makensis, "-WX", "-V4", f"-DVERSION={APP_VERSION}", f"-DPAYLOAD={payload}",
                             f"-DOUTFILE={setup}", str(SCRIPT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr
    return setup, result.stdout


def test_compiles_to_a_windows_program(compiled):
    setup, _log = compiled
    assert setup.read_bytes()[:2] == b"MZ"


def test_script_is_utf8_with_bom_and_matches_the_app():
    """The BOM makes makensis read the Chinese text as UTF-8 on any system; names come from models/app_info.py."""
    data = SCRIPT.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert f'!define APP_NAME "{APP_NAME}"' in text
    assert f'!define DRAFT_SUFFIX "{DRAFT_SUFFIX}"' in text


def test_per_user_without_admin_in_chinese(compiled):
    _setup, log = compiled
    text = SCRIPT.read_text(encoding="utf-8-sig")
    # makensis does not echo these two: the script says them, and the log shows their effect below.
    assert re.search(r"^RequestExecutionLevel user$", text, re.MULTILINE)
    assert re.search(r'^!insertmacro MUI_LANGUAGE "SimpChinese"$', text, re.MULTILINE)
    assert "Unicode: true" in log and "1 language table" in log
    assert 'InstallDir: "$LOCALAPPDATA\\Programs\\gov-info-report"' in log
    # Nothing in HKLM: no administrator rights needed.
    assert "HKLM" not in "\n".join(line for line in log.splitlines() if line.startswith(("WriteReg", "DeleteReg")))


def test_shortcuts_payload_and_uninstaller(compiled):
    _setup, log = compiled
    assert f'CreateShortcut: "$SMPROGRAMS\\{APP_NAME}.lnk"->"$INSTDIR\\gov-info-report.exe"' in log
    assert f'CreateShortcut: "$DESKTOP\\{APP_NAME}.lnk"->"$INSTDIR\\gov-info-report.exe"' in log
    for name in ("gov-info-report.exe", "gov-info-report-cli.exe", "style.qss", "tongguan-zhaoshang-2023.nianbao"):
        assert f'File: "{name}"' in log, name
    assert 'WriteUninstaller: "$INSTDIR\\uninstall.exe"' in log
    assert "Uninstall\\gov-info-report\\UninstallString=" in log


def test_drafts_open_with_the_app(compiled):
    _setup, log = compiled
    assert f"WriteRegStr: HKCU\\Software\\Classes\\{DRAFT_SUFFIX}\\={PROG_ID}" in log
    assert (f'WriteRegStr: HKCU\\Software\\Classes\\{PROG_ID}\\shell\\open\\command\\='
            '"$INSTDIR\\gov-info-report.exe" "%1"') in log
