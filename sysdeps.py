"""What the app and its tests need from a Linux machine beyond Python, in one place (standard library only).

bootstrap.py checks these before it starts anything and installs what is missing when it runs as root with apt-get;
.ci/run installs every group through it (`python3 bootstrap.py system --install all`); main.py and the tests name
the package to install when something is missing. Each package has a probe that says whether what it provides is
here, so machines without dpkg (or with the files from elsewhere) are judged by what they have.

    python3 sysdeps.py                 # what is missing, by group
    python3 sysdeps.py --packages all  # the package names of every group (for apt-get)
"""

from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Package:
    """A Debian/Ubuntu package and how to tell that what it provides is here: a shared library (`lib`), a program
    on PATH (`bin`), a file (`file`) or a font family known to fontconfig (`font`)."""

    name: str
    probe: str
    target: str


@dataclass(frozen=True)
class Group:
    key: str
    title: str  # Chinese, shown to the user
    packages: tuple[Package, ...]
    any_of: bool = False  # one package of the group is enough (the CJK fonts); CI installs all of them


def _packages(*entries: tuple[str, str, str]) -> tuple[Package, ...]:
    return tuple(Package(*entry) for entry in entries)


GROUPS: dict[str, Group] = {group.key: group for group in (
    Group("venv", "Python 虚拟环境（venv、ensurepip）", _packages(
        ("python3-venv", "module", "ensurepip"))),
    # What Qt (PySide6 from PyPI) links against, offscreen included (read with readelf -d from the wheel's libraries).
    Group("qt", "Qt 运行库", _packages(
        ("libglib2.0-0", "lib", "glib-2.0"), ("libegl1", "lib", "EGL"), ("libgl1", "lib", "GL"),
        ("libfontconfig1", "lib", "fontconfig"), ("libfreetype6", "lib", "freetype"),
        ("libxkbcommon0", "lib", "xkbcommon"), ("libx11-6", "lib", "X11"), ("libdbus-1-3", "lib", "dbus-1"))),
    Group("fonts", "中文字体", _packages(
        ("fonts-noto-cjk", "font", "Noto Sans CJK SC"), ("fonts-wqy-microhei", "font", "WenQuanYi Micro Hei")),
        any_of=True),
    # Qt's xcb platform: a window on an X11 (or XWayland) desktop.
    Group("display", "在桌面上显示窗口所需的 Qt 运行库（xcb）", _packages(
        ("libx11-xcb1", "lib", "X11-xcb"), ("libxcb1", "lib", "xcb"), ("libxcb-cursor0", "lib", "xcb-cursor"),
        ("libxcb-icccm4", "lib", "xcb-icccm"), ("libxcb-image0", "lib", "xcb-image"),
        ("libxcb-keysyms1", "lib", "xcb-keysyms"), ("libxcb-randr0", "lib", "xcb-randr"),
        ("libxcb-render-util0", "lib", "xcb-render-util"), ("libxcb-shape0", "lib", "xcb-shape"),
        ("libxcb-xkb1", "lib", "xcb-xkb"), ("libxcb-util1", "lib", "xcb-util"),
        ("libxkbcommon-x11-0", "lib", "xkbcommon-x11"))),
    Group("office", "LibreOffice（检查导出的 Word/Excel 文件的测试）", _packages(
        ("libreoffice-writer-nogui", "file", "/usr/lib/libreoffice/program/libswlo.so"),
        ("libreoffice-calc-nogui", "file", "/usr/lib/libreoffice/program/libsclo.so"))),
    Group("poppler", "poppler（读取 PDF 文字的测试）", _packages(("poppler-utils", "bin", "pdftotext"))),
    Group("browser", "Chromium 浏览器（在真实浏览器中检查导出的网页的测试）", _packages(
        ("chromium", "bin", "chromium"))),
    Group("xvfb", "虚拟显示器 Xvfb（在真实窗口中运行的测试）", _packages(
        ("xvfb", "bin", "Xvfb"), ("xauth", "bin", "xauth"))),
    Group("packaging", "打包工具（.deb、Windows 安装程序）", _packages(
        ("dpkg-dev", "bin", "dpkg-shlibdeps"), ("binutils", "bin", "objdump"),
        ("desktop-file-utils", "bin", "desktop-file-validate"), ("nsis", "bin", "makensis"))),
    # packaging/windows_on_wine.sh: the Windows build run under Wine (64-bit only; wine64 is not on PATH), a test-only
    # icuuc.dll stub compiled with mingw, the GUI driven on Xvfb (xdotool, ImageMagick's import), a CJK .ttf for
    # Qt's offscreen platform on Windows (and a Latin-only one to tell glyphs from boxes), the zh_CN.UTF-8 locale's
    # sources (code page 936).
    Group("wine", "Wine（在 Linux 上构建并试运行 Windows 版）", _packages(
        ("wine", "bin", "wine"), ("wine64", "file", "/usr/lib/wine/wine64"),
        ("gcc-mingw-w64-x86-64-win32", "bin", "x86_64-w64-mingw32-gcc"), ("xdotool", "bin", "xdotool"),
        ("imagemagick", "bin", "import"),
        ("fonts-droid-fallback", "file", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
        ("fonts-dejavu-core", "file", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        ("locales", "file", "/usr/share/i18n/locales/zh_CN"), ("xvfb", "bin", "Xvfb"), ("nsis", "bin", "makensis"))),
)}


def present(package: Package) -> bool:
    """Whether what `package` provides is on this machine."""
    if package.probe == "lib":
        return _loads(package.target)
    if package.probe == "bin":
        return shutil.which(package.target) is not None
    if package.probe == "file":
        return os.path.exists(package.target)
    if package.probe == "font":
        return package.target in font_families()
    if package.probe == "module":
        import importlib.util

        return importlib.util.find_spec(package.target) is not None and _venv_works()
    raise ValueError(f"unknown probe {package.probe!r}")


def missing(group: str, *, every: bool = False) -> list[Package]:
    """The packages of `group` to install: those missing, or (for an any-of group unless `every`) all of them when
    none is here."""
    packages = GROUPS[group].packages
    absent = [p for p in packages if not present(p)]
    if GROUPS[group].any_of and not every:
        return list(packages) if len(absent) == len(packages) else []
    return absent


def _loads(library: str) -> bool:
    """The shared library is found and loads (a file that is there but broken counts as missing)."""
    name = ctypes.util.find_library(library)
    if name is None:
        return False
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


@cache
def font_families() -> frozenset[str]:
    """The font families fontconfig knows that cover Chinese (empty without fontconfig)."""
    if not shutil.which("fc-list"):
        return frozenset()
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(","))


def has_cjk_font() -> bool:
    return bool(font_families())


@cache
def _venv_works() -> bool:
    """Debian splits ensurepip's wheels into python3-venv: without them `python3 -m venv` cannot install pip."""
    try:
        import ensurepip

        return bool(ensurepip.version())
    except Exception:
        return False


def library_package(message: str) -> str | None:
    """The package that provides the shared library named in a loader error ("libEGL.so.1: cannot open …")."""
    for group in GROUPS.values():
        for package in group.packages:
            if package.probe == "lib" and re.search(rf"(?<![\w-])lib{re.escape(package.target)}\.so", message):
                return package.name
    return None


def install_command(packages: list[Package] | list[str]) -> str:
    """The one line that installs `packages` on Debian/Ubuntu/UOS/Kylin."""
    names = [p if isinstance(p, str) else p.name for p in packages]
    sudo = "" if _is_root() else "sudo "
    return f"{sudo}apt-get install -y {' '.join(dict.fromkeys(names))}"


def can_install() -> bool:
    """Root with apt-get: bootstrap.py may install what is missing itself."""
    return sys.platform.startswith("linux") and _is_root() and shutil.which("apt-get") is not None


def apt_install(packages: list[Package] | list[str], *, quiet: bool = True) -> int:
    """apt-get update and install `packages` (no recommends). Returns apt-get's exit code."""
    names = list(dict.fromkeys(p if isinstance(p, str) else p.name for p in packages))
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    q = ["-qq"] if quiet else []
    out = subprocess.DEVNULL if quiet else None
    update = subprocess.run(["apt-get", "update", *q], env=env, stdout=out)
    if update.returncode:
        return update.returncode
    return subprocess.run(["apt-get", "install", "-y", *q, "--no-install-recommends", *names], env=env,
                          stdout=out).returncode


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--packages"]:
        chosen = list(GROUPS) if argv[1:] in ([], ["all"]) else argv[1:]
        print(" ".join(p.name for key in chosen for p in GROUPS[key].packages))
        return 0
    for key, group in GROUPS.items():
        absent = missing(key)
        state = "齐全" if not absent else f"缺少 {' '.join(p.name for p in absent)}"
        print(f"{key:10} {group.title}：{state}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
