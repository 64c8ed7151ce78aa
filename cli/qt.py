"""Qt from the command line: which platform to use, and what to say when Qt cannot run here.

Nothing here imports Qt at module level (the command line must start without it). On Linux without a desktop (no
DISPLAY, no WAYLAND_DISPLAY), commands that draw — `--screenshots`, `infographic` — run offscreen by themselves;
opening the window there is refused with a message instead of letting Qt abort the process. When PySide6 cannot be
imported because a system library is missing, the message names the library and the command that installs it.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Mapping

from cli.commandline import command_line
from models.errors import UserError

QT_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
_LIBRARY = re.compile(r"\b(lib[\w.+-]*?\.so(?:\.\d+)*)")


class QtMissing(UserError):
    """Qt cannot be loaded; `message` (Chinese) says what is missing and how to install it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def has_display(env: Mapping[str, str] | None = None) -> bool:
    """Whether a window can be shown: always on Windows and macOS; on Linux, an X11 or Wayland session."""
    env = os.environ if env is None else env
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def platform_chosen() -> bool:
    return bool(os.environ.get("QT_QPA_PLATFORM"))


def prefer_offscreen() -> None:
    """Without a display and with no Qt platform chosen, use the offscreen one (before Qt is imported)."""
    if not has_display() and not platform_chosen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def no_display_message() -> str:
    return ("没有可用的显示器（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开程序窗口。请在桌面上运行本程序；"
            f"或用 {command_line('--screenshots', '文件夹')} 把各页面保存为图片；"
            f"或使用命令行（{command_line('-h')} 列出全部命令）。")


def import_qt(modules: tuple[str, ...] = QT_MODULES) -> None:
    """Import the Qt modules the app uses. Raises QtMissing with the Chinese explanation."""
    try:
        for name in modules:
            importlib.import_module(name)
    except ImportError as exc:
        raise QtMissing(qt_missing_message(exc)) from None


def is_qt_failure(exc: ImportError) -> bool:
    """Whether `exc` is Qt failing to load (a shared library, a DLL, PySide6 itself) rather than a bug of ours."""
    text = str(exc)
    return bool(_LIBRARY.search(text) or "DLL load failed" in text
                or (exc.name or "").startswith(("PySide6", "shiboken6")))


def qt_missing_message(exc: ImportError) -> str:
    """What to tell the clerk when importing PySide6 failed with `exc`."""
    text = str(exc)
    found = _LIBRARY.search(text)
    package = _library_package(text) if found else None
    if found and package:
        return (f"无法载入 Qt 运行库：缺少系统库 {found.group(1)}（由软件包 {package} 提供）。请先安装：\n"
                f"  {_install_command(package)}")
    if found:
        return (f"无法载入 Qt 运行库：缺少系统库 {found.group(1)}。请用系统的软件包管理器安装提供它的软件包"
                f"（详情：{text}）。")
    if isinstance(exc, ModuleNotFoundError) and (exc.name or "").startswith(("PySide6", "shiboken6")):
        if getattr(sys, "frozen", False):
            return "程序文件不完整（缺少 Qt 组件）。请重新安装本软件。"
        return (f"没有安装 Qt（PySide6）。请用 {command_line()} 启动本程序（首次运行时会安装所需的依赖），"
                "或在虚拟环境中运行 pip install -r requirements.txt。")
    return f"无法载入 Qt 运行库（{text}）。请重新安装本软件或其依赖。"


def _library_package(text: str) -> str | None:
    try:
        import sysdeps
    except ImportError:
        return None
    return sysdeps.library_package(text)


def _install_command(package: str) -> str:
    """The apt-get line for `package` and whatever else of Qt's libraries is missing here."""
    import sysdeps

    try:
        others = [p.name for p in sysdeps.missing("qt")]
    except Exception:  # probing is a courtesy; the named package is what matters
        others = []
    return sysdeps.install_command([package, *others])
