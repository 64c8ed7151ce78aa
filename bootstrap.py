"""Set up and run, on a fresh Linux or Windows machine, with nothing but Python 3.11+.

    python3 bootstrap.py run     create .venv, install the pinned dependencies, launch the app (sample report)
    python3 bootstrap.py test    create .venv, install the pinned test dependencies, run ruff and the tests

Extra arguments are passed on (to main.py or to pytest). The virtual environment is reinstalled only when a
requirements file changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MINIMUM = (3, 11)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(requirements: str) -> Path:
    """A .venv with `requirements` installed; reinstalls when the requirements' content changed."""
    files = [ROOT / "requirements.txt", ROOT / requirements]
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    stamp = VENV / f".installed-{requirements}"
    python = venv_python()
    if not python.exists():
        print("正在创建虚拟环境 .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not stamp.exists() or stamp.read_text() != digest:
        print(f"正在安装依赖（{requirements}）…", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                        "-r", str(ROOT / requirements)], check=True)
        stamp.write_text(digest)
    return python


def main(argv: list[str]) -> int:
    if sys.version_info < MINIMUM:
        print(f"需要 Python {MINIMUM[0]}.{MINIMUM[1]} 或更新版本（当前 {sys.version.split()[0]}）。", file=sys.stderr)
        return 2
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    if command == "run":
        python = ensure_venv("requirements.txt")
        return subprocess.call([str(python), str(ROOT / "main.py"), *(rest or ["--sample"])], cwd=ROOT)
    if command == "test":
        python = ensure_venv("requirements-test.txt")
        lint = subprocess.call([str(python), "-m", "ruff", "check", "."], cwd=ROOT)
        tests = subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT)
        return tests or lint
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
