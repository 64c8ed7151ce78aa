@echo off
rem Windows 10/11 with Python 3.11: the installer and the portable zip in dist\ (see build_windows.ps1).
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build_windows.ps1" %*
exit /b %ERRORLEVEL%
