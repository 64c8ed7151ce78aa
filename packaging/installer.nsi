; Windows installer for the frozen app (NSIS 3). Per-user: no administrator rights, installs under
; %LOCALAPPDATA%\Programs\gov-info-report, shortcuts in the Start menu and on the desktop, .nianbao drafts open with the
; app, an uninstaller (listed in 设置 → 应用). Drafts and backups live in the user's own folders (platformdirs) and are
; never touched by the uninstaller.
;
;     makensis /DVERSION=0.1.0 /DPAYLOAD=dist\gov-info-report /DOUTFILE=dist\gov-info-report-0.1.0-setup.exe packaging\installer.nsi
;
; build_windows.ps1 runs this on Windows; tests/packaging/test_installer.py compiles it on Linux with Debian's makensis
; against a stand-in payload. The file is UTF-8 with a byte-order mark so that makensis reads the Chinese text right
; wherever it runs.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!ifndef VERSION
  !error "pass /DVERSION=x.y.z (models/app_info.py APP_VERSION)"
!endif
!ifndef PAYLOAD
  !error "pass /DPAYLOAD=folder made by PyInstaller (dist\gov-info-report)"
!endif
!define /ifndef OUTFILE "gov-info-report-${VERSION}-setup.exe"
!define /ifndef ICON "${__FILEDIR__}\..\resources\icons\app.ico"

!define APP_ID "gov-info-report"
!define APP_NAME "政府信息公开工作年度报告助手"
!define APP_EXE "gov-info-report.exe"
!define PUBLISHER "政府信息公开工作年度报告助手"
!define PROG_ID "GovInfoReport.Draft"
!define DRAFT_SUFFIX ".nianbao"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_NAME}"
Caption "${APP_NAME} ${VERSION} 安装"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "Software\${APP_ID}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "本程序将把“${APP_NAME}”${VERSION} 安装到您的用户目录，不需要管理员权限，也不需要联网。$\r$\n$\r$\n安装后可从开始菜单或桌面快捷方式启动；双击 .nianbao 草稿文件即可打开。$\r$\n$\r$\n点击“下一步”继续。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在启动${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${PUBLISHER}"

Function .onInit
  ; Qt 6 runs on 64-bit Windows 10 and 11 only.
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP "${APP_NAME} 需要 64 位的 Windows 10 或 Windows 11。" /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Section "安装"
  SetOutPath "$INSTDIR"
  ; An update replaces the program files whole, so that nothing of the previous version lingers.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\${APP_ID}" "InstallDir" "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  ; Drafts open with the app (per user: HKCU\Software\Classes, no administrator needed).
  WriteRegStr HKCU "Software\Classes\${DRAFT_SUFFIX}" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\${DRAFT_SUFFIX}\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "政府信息公开年度报告草稿"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)' ; SHCNE_ASSOCCHANGED: Explorer shows it at once

  ; 设置 → 应用 (Programs and Features) entry, per user.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  ; Let go of .nianbao only where it still points at this app.
  DeleteRegValue HKCU "Software\Classes\${DRAFT_SUFFIX}\OpenWithProgids" "${PROG_ID}"
  ReadRegStr $0 HKCU "Software\Classes\${DRAFT_SUFFIX}" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegValue HKCU "Software\Classes\${DRAFT_SUFFIX}" ""
  ${EndIf}
  DeleteRegKey /ifempty HKCU "Software\Classes\${DRAFT_SUFFIX}\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\${DRAFT_SUFFIX}"
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Program files only: drafts, autosave and backups are in the user's folders, or in data\ of a portable copy.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\gov-info-report-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP_ID}"
SectionEnd
