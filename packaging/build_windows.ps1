<#
.SYNOPSIS
  On a clean Windows 10/11 PC with Python 3.11: the installer and the portable zip, in one command.

.DESCRIPTION
      packaging\build_windows.bat
  (or powershell -NoProfile -ExecutionPolicy Bypass -File packaging\build_windows.ps1 [-Python C:\path\python.exe])

  1. build\venv-pack: a virtual environment with requirements-build.txt (PyInstaller and the app's pinned packages).
  2. PyInstaller, packaging\gov-info-report.spec: dist\gov-info-report\ (gov-info-report.exe, windowed, and
     gov-info-report-cli.exe for the command line).
  3. dist\gov-info-report-VERSION-portable.zip: that folder with the `portable` marker (packaging\portable_zip.py).
  4. dist\gov-info-report-VERSION-setup.exe: NSIS (packaging\installer.nsi). makensis is looked for on PATH and in
     its default folders; if it is missing, it is installed with winget (NSIS.NSIS) when winget is there.

  Needs the internet only for pip (and NSIS the first time). The PC needs no Visual Studio and no admin rights,
  except to install NSIS machine-wide.
#>
param(
  [string]$Python = "",
  [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..")).Path
Set-Location $Root

function Invoke-Native([string]$Exe, [string[]]$Arguments) {
  & $Exe @Arguments
  if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Find-Python {
  if ($Python) { return $Python }
  if (Get-Command py -ErrorAction SilentlyContinue) {
    try {  # Windows PowerShell turns a native program's stderr into errors: py says "not found" there
      $found = & py -3.11 -c "import sys; print(sys.executable)" 2>$null
      if ($LASTEXITCODE -eq 0 -and $found) { return "$found".Trim() }
    } catch { }
  }
  foreach ($name in "python", "python3") {
    if (Get-Command $name -ErrorAction SilentlyContinue) { return $name }
  }
  throw "Python 3.11 not found: install it from python.org (tick 'Add python.exe to PATH') or pass -Python"
}

function Find-Makensis {
  $onPath = Get-Command makensis -ErrorAction SilentlyContinue
  if ($onPath) { return $onPath.Source }
  foreach ($dir in @(${env:ProgramFiles(x86)}, $env:ProgramFiles, "$env:LOCALAPPDATA\Programs")) {
    if ($dir -and (Test-Path "$dir\NSIS\makensis.exe")) { return "$dir\NSIS\makensis.exe" }
  }
  return $null
}

# 1. Build environment (reinstalled only when a requirements file changes).
$BasePython = Find-Python
Invoke-Native $BasePython @("-c", "import sys; assert sys.version_info >= (3, 11), sys.version")
$Venv = Join-Path $Root "build\venv-pack"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $VenvPython)) { Invoke-Native $BasePython @("-m", "venv", $Venv) }
$Stamp = Join-Path $Venv ".installed"
$Digest = (Get-FileHash "$Root\requirements.txt").Hash + (Get-FileHash "$Root\requirements-build.txt").Hash
if (-not (Test-Path $Stamp) -or (Get-Content $Stamp -Raw).Trim() -ne $Digest) {
  Invoke-Native $VenvPython @("-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", "requirements-build.txt")
  Set-Content -Path $Stamp -Value $Digest
}
$Version = (& $VenvPython -c "from models.app_info import APP_VERSION; print(APP_VERSION)").Trim()

# 2. Frozen app.
Invoke-Native $VenvPython @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
  "--distpath", "$Root\dist", "--workpath", "$Root\build\pyinstaller", "packaging\gov-info-report.spec")
$Frozen = Join-Path $Root "dist\gov-info-report"
Invoke-Native "$Frozen\gov-info-report-cli.exe" @("--version")
$FolderMB = [math]::Round(((Get-ChildItem $Frozen -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)
Write-Host "frozen app: $Frozen ($FolderMB MB)"

# 3. Portable zip.
$Zip = Join-Path $Root "dist\gov-info-report-$Version-portable.zip"
Invoke-Native $VenvPython @("packaging\portable_zip.py", $Frozen, $Zip)

# 4. Installer.
if ($NoInstaller) { return }
$Makensis = Find-Makensis
if (-not $Makensis -and (Get-Command winget -ErrorAction SilentlyContinue)) {
  Write-Host "NSIS not found: installing it with winget"
  & winget install --id NSIS.NSIS --exact --silent --accept-package-agreements --accept-source-agreements
  $Makensis = Find-Makensis
}
if (-not $Makensis) { throw "makensis not found: install NSIS 3 (https://nsis.sourceforge.io) and run this again" }
$Setup = Join-Path $Root "dist\gov-info-report-$Version-setup.exe"
Invoke-Native $Makensis @("-WX", "-V2", "-DVERSION=$Version", "-DPAYLOAD=$Frozen", "-DOUTFILE=$Setup",
  "$Root\packaging\installer.nsi")
$SetupMB = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
Write-Host "installer: $Setup ($SetupMB MB)"
