"""The .deb for 统信 UOS / 麒麟 (packaging/build_deb.sh): built from the frozen app, unpacked into a temporary root and
run from there; in CI (as root) also installed with dpkg -i, run from /usr/bin, and purged."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from models.app_info import APP_VERSION, DRAFT_SUFFIX
from tests.conftest import ROOT
from tests.environment import IN_CI
from tests.packaging.conftest import only_undated, require, run

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(600),  # the first test also builds the .deb (xz, ~1 min)
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a .deb is built on Linux")]

PACKAGE = "gov-info-report"
INSTALLED = Path("/opt") / PACKAGE / "gov-info-report"


@pytest.fixture(scope="module")
def deb(frozen, tmp_path_factory) -> Path:
    require(all(shutil.which(tool) for tool in ("dpkg-deb", "dpkg-shlibdeps")),
            "dpkg-deb and dpkg-shlibdeps are needed (apt-get install dpkg-dev)")
    out = tmp_path_factory.mktemp("deb")
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build_deb.sh"), str(out)], capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    print(result.stdout)
    debs = list(out.glob("*.deb"))
    assert len(debs) == 1
    return debs[0]


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture(scope="module")
def unpacked(deb, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


def test_control_fields(deb):
    assert field(deb, "Package") == PACKAGE
    assert field(deb, "Version") == APP_VERSION
    assert field(deb, "Architecture") == subprocess.run(["dpkg", "--print-architecture"], capture_output=True,
                                                         text=True).stdout.strip()
    depends = field(deb, "Depends")
    names = {part.split()[0] for alternative in depends.split(",") for part in alternative.split("|")}
    # System libraries only: Qt, Python and the Python packages travel inside the bundle.
    assert {"libc6", "libfontconfig1", "libxcb1", "libxkbcommon0"} <= names, depends
    assert not any(name.startswith(("libqt", "python", "libpython", "libicu")) for name in names), depends
    assert "政府信息公开" in field(deb, "Description")


def test_layout(unpacked):
    app = unpacked / "opt" / PACKAGE
    assert os.access(app / "gov-info-report", os.X_OK)
    assert os.readlink(unpacked / "usr" / "bin" / "gov-info-report") == str(INSTALLED)
    for size in (16, 32, 48, 256):
        assert (unpacked / f"usr/share/icons/hicolor/{size}x{size}/apps/{PACKAGE}.png").is_file()
        assert (unpacked / f"usr/share/icons/hicolor/{size}x{size}/mimetypes/application-x-nianbao.png").is_file()


def test_desktop_entry_in_chinese(unpacked):
    path = unpacked / "usr" / "share" / "applications" / f"{PACKAGE}.desktop"
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == desktop["Name[zh_CN]"] == "政府信息公开工作年度报告助手"
    assert desktop["Exec"] == f"{INSTALLED} %f"
    assert desktop["Icon"] == PACKAGE and desktop["MimeType"] == "application/x-nianbao;"
    require(shutil.which("desktop-file-validate") is not None,
            "desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_mime_type_for_drafts(unpacked):
    tree = ET.parse(unpacked / "usr" / "share" / "mime" / "packages" / f"{PACKAGE}.xml")
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = tree.getroot().find("m:mime-type", ns)
    assert mime.get("type") == "application/x-nianbao"
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == [f"*{DRAFT_SUFFIX}"]


def test_mime_database_takes_the_type(unpacked, tmp_path):
    """update-mime-database (what shared-mime-info's trigger runs on install) maps *.nianbao to the type."""
    require(shutil.which("update-mime-database") is not None,
            "update-mime-database is not installed (apt-get install shared-mime-info)")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(unpacked / "usr" / "share" / "mime" / "packages" / f"{PACKAGE}.xml", packages)
    subprocess.run(["update-mime-database", str(tmp_path / "mime")], check=True, capture_output=True)
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"application/x-nianbao:*{DRAFT_SUFFIX}" in globs
    assert (tmp_path / "mime" / "application" / "x-nianbao.xml").is_file()


def test_unpacked_binary_runs(unpacked):
    app = unpacked / "opt" / PACKAGE / "gov-info-report"
    version = run([app, "--version"])
    assert version.returncode == 0 and APP_VERSION in version.stdout, version.stderr
    sample = unpacked / "opt" / PACKAGE / "_internal" / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao"
    checked = run([app, "check", sample])
    assert checked.returncode == 0 and only_undated(checked.stdout), checked.stdout + checked.stderr


def test_dpkg_install_run_and_purge(deb, tmp_path):
    """A real install, only where it is meant to happen: CI, as root, with no copy of the package already there."""
    if not IN_CI or os.geteuid() != 0:
        pytest.skip("installs into the system: only in CI as root (the unpacked tests above cover the files)")
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", PACKAGE], capture_output=True, text=True).stdout
    if status and not status.endswith("not-installed"):
        pytest.skip(f"{PACKAGE} is already installed here: left alone")
    install = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True, timeout=300)
    try:
        assert install.returncode == 0, install.stdout + install.stderr
        version = run(["gov-info-report", "--version"])
        assert version.returncode == 0 and APP_VERSION in version.stdout, version.stderr
        sample = INSTALLED.parent / "_internal" / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao"
        checked = run(["/usr/bin/gov-info-report", "check", sample], cwd=tmp_path)
        assert checked.returncode == 0 and only_undated(checked.stdout), checked.stdout + checked.stderr
        mime_status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "shared-mime-info"], capture_output=True,
                                     text=True).stdout
        if mime_status == "install ok installed":  # its trigger has run (a half-configured one does not)
            assert Path("/usr/share/mime/application/x-nianbao.xml").is_file()
    finally:
        purge = subprocess.run(["dpkg", "--purge", PACKAGE], capture_output=True, text=True, timeout=300)
    assert purge.returncode == 0, purge.stdout + purge.stderr
    assert not INSTALLED.parent.exists()
