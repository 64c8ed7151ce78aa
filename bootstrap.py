"""Set up and run, on a fresh Linux or Windows machine, with nothing but Python 3.11+.

    python3 bootstrap.py run [参数…]      检查系统、创建 .venv、安装固定版本的依赖，打开程序（不带参数时载入示例报告）；
                                          参数原样交给程序，如 run check 草稿.nianbao、run --version
    python3 bootstrap.py test [参数…]     同上并安装测试依赖，运行 ruff 和全部测试（参数交给 pytest）
    python3 bootstrap.py system [--install 组… | all]   列出（以 root 身份时安装）系统软件包，见 sysdeps.py

On Linux, what the platform lacks (sysdeps.py: Qt's libraries, a Chinese font, a display for the window) is checked
before anything starts: as root with apt-get it is installed, otherwise the one-line command to install it is printed
and the exit code is 2. The virtual environment is reinstalled when a requirements file changes, and rebuilt when it
is broken (no pip, another Python).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

MINIMUM = (3, 11)
if sys.version_info < MINIMUM:
    print(f"需要 Python {MINIMUM[0]}.{MINIMUM[1]} 或更新版本（当前 {sys.version.split()[0]}）。", file=sys.stderr)
    sys.exit(2)

import sysdeps  # noqa: E402 - after the version check: it needs a recent Python
from cli.qt import has_display, no_display_message, platform_chosen  # noqa: E402 - standard library only

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LINUX = sys.platform.startswith("linux")
EXIT_PLATFORM = 2
#: Options of main.py that open no window.
NO_WINDOW = ("--version", "-h", "--help", "--screenshots")


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def me() -> str:
    """How the user runs this script: `py bootstrap.py` on Windows, `python3 bootstrap.py` elsewhere."""
    return "py bootstrap.py" if os.name == "nt" else "python3 bootstrap.py"


# ----- the platform ----------------------------------------------------------------------------------------------


def needs_of_run(args: list[str]) -> tuple[list[str], bool]:
    """The sysdeps groups `run ARGS` needs, and whether it opens a window."""
    first = args[0] if args else ""
    if first and not first.startswith("-") and not Path(first).exists():  # a command of main.py (it checks the word)
        return (["qt", "fonts"] if first == "infographic" else []), False
    if any(a in NO_WINDOW for a in args):
        return (["qt", "fonts"] if "--screenshots" in args else []), False
    return ["qt", "fonts", "display"], True


def missing_packages(groups: list[str]) -> list[sysdeps.Package]:
    return [p for group in groups for p in sysdeps.missing(group)]


def describe(packages: list[sysdeps.Package]) -> str:
    groups = [g.title for g in sysdeps.GROUPS.values() if any(p in g.packages for p in packages)]
    return "、".join(groups)


def provide(groups: list[str], *, required: bool) -> bool:
    """Make sure `groups` are here: install them as root with apt-get, else print how. False when they are still
    missing (and `required`: the caller stops with EXIT_PLATFORM)."""
    if not LINUX:
        return True
    absent = missing_packages(groups)
    if not absent:
        return True
    if sysdeps.can_install():
        print(f"正在安装系统软件包（{describe(absent)}）：{' '.join(p.name for p in absent)} …", flush=True)
        if sysdeps.apt_install(absent) == 0:
            sysdeps.font_families.cache_clear()
            return True
        print("apt-get 安装失败（见上方信息）。", file=sys.stderr)
    stream = sys.stderr if required else sys.stdout
    if required:
        print(f"本机缺少{describe(absent)}。请先运行：\n\n    {sysdeps.install_command(absent)}\n\n"
              f"然后再运行 {me()} {' '.join(sys.argv[1:])}".rstrip(), file=stream)
    else:
        print(f"提示：本机缺少{describe(absent)}，需要它们的测试将跳过。如要运行这些测试，请先运行：\n"
              f"    {sysdeps.install_command(absent)}", file=stream)
    return False


# ----- the virtual environment -----------------------------------------------------------------------------------


def venv_is_healthy(python: Path) -> bool:
    """The .venv's Python runs, is this Python's version and has pip."""
    if not python.exists():
        return False
    try:
        probe = "import sys, importlib.util as u; u.find_spec('pip') and print('%d.%d' % sys.version_info[:2])"
        result = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and result.stdout.strip() == "{}.{}".format(*sys.version_info[:2])


def ensure_venv(requirements: str) -> Path | None:
    """A .venv with `requirements` installed (reinstalled when their content changed, rebuilt when broken); None
    when it cannot be made (the reason printed)."""
    files = [ROOT / "requirements.txt", ROOT / requirements]
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    stamp = VENV / f".installed-{requirements}"
    python = venv_python()
    if not venv_is_healthy(python):
        if VENV.exists():
            print("虚拟环境 .venv 不完整或属于另一个 Python 版本，正在重建 …", flush=True)
            shutil.rmtree(VENV, ignore_errors=True)
        if not provide(["venv"], required=True):
            return None
        print("正在创建虚拟环境 .venv …", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (OSError, subprocess.CalledProcessError) as exc:
            shutil.rmtree(VENV, ignore_errors=True)  # a half-made .venv would fail every later run
            print(f"无法创建虚拟环境 .venv：{exc}", file=sys.stderr)
            return None
    if not stamp.exists() or stamp.read_text() != digest:
        print(f"正在安装依赖（{requirements}）…", flush=True)
        install = subprocess.run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                                  "-r", str(ROOT / requirements)])
        if install.returncode:
            print(f"依赖安装失败（pip 退出码 {install.returncode}，原因见上方信息）。请检查网络后重试。",
                  file=sys.stderr)
            return None
        stamp.write_text(digest)
    return python


# ----- commands --------------------------------------------------------------------------------------------------


def run(args: list[str]) -> int:
    groups, window = needs_of_run(args)
    if window and not (has_display() or platform_chosen()):
        print(no_display_message(), file=sys.stderr)
        return EXIT_PLATFORM
    if not provide(groups, required=True):
        return EXIT_PLATFORM
    python = ensure_venv("requirements.txt")
    if python is None:
        return EXIT_PLATFORM
    # In the caller's folder, so that file names typed relative to it are found.
    return subprocess.call([str(python), str(ROOT / "main.py"), *(args or ["--sample"])])


def test(args: list[str]) -> int:
    provide(["qt", "fonts"], required=False)
    optional = missing_packages(["office", "poppler"])
    if optional and LINUX:
        print(f"提示：本机没有{describe(optional)}，需要它们的测试将跳过。如要运行，请先运行：\n"
              f"    {sysdeps.install_command(optional)}")
    python = ensure_venv("requirements-test.txt")
    if python is None:
        return EXIT_PLATFORM
    lint = subprocess.call([str(python), "-m", "ruff", "check", "."], cwd=ROOT)
    tests = subprocess.call([str(python), "-m", "pytest", *args], cwd=ROOT)
    return tests or lint


def system(args: list[str]) -> int:
    """Without arguments: what each group has. `--install G…|all`: every package of those groups (as CI does)."""
    if args[:1] != ["--install"]:
        return sysdeps.main([])
    groups = list(sysdeps.GROUPS) if args[1:] in ([], ["all"]) else args[1:]
    unknown = [g for g in groups if g not in sysdeps.GROUPS]
    if unknown:
        print(f"没有这些软件包组：{'、'.join(unknown)}（可用：{'、'.join(sysdeps.GROUPS)}）", file=sys.stderr)
        return EXIT_PLATFORM
    packages = [p for g in groups for p in sysdeps.GROUPS[g].packages]
    if not sysdeps.can_install():
        print(f"需要以 root 身份在有 apt-get 的系统上安装。请运行：\n    {sysdeps.install_command(packages)}",
              file=sys.stderr)
        return EXIT_PLATFORM
    return sysdeps.apt_install(packages)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    if command == "run":
        return run(rest)
    if command == "test":
        return test(rest)
    if command == "system":
        return system(rest)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
