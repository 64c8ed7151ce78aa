#!/usr/bin/env bash
# Build the frozen app on Linux: dist/gov-info-report/gov-info-report (one folder, PyInstaller).
#
#     bash packaging/build_linux.sh            # PyInstaller from build/venv-pack (made here from requirements-build.txt)
#     PYTHON=/path/to/python bash packaging/build_linux.sh   # a Python that already has requirements-build.txt
#
# Prints the folder's size; tests/packaging/ then runs what it made (pytest -m packaging).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

if [ -z "${PYTHON:-}" ]; then
  VENV="$ROOT/build/venv-pack"
  PYTHON="$VENV/bin/python"
  stamp="$VENV/.installed"
  digest=$(cat requirements.txt requirements-build.txt | sha256sum | cut -d' ' -f1)
  [ -x "$PYTHON" ] || python3 -m venv "$VENV"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
    "$PYTHON" -m pip install --disable-pip-version-check -q -r requirements-build.txt
    echo "$digest" > "$stamp"
  fi
fi

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/gov-info-report.spec
echo "frozen app: dist/gov-info-report ($(du -sm dist/gov-info-report | cut -f1) MB, built in $(( $(date +%s) - start )) s)"
