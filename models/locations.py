"""Where the app keeps its files (platformdirs): drafts, autosave slots, backups, logs and settings.

Setting GOVREPORT_HOME puts everything under one folder instead (tests, portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "gov-info-report"
HOME_VARIABLE = "GOVREPORT_HOME"


def _base(kind: str) -> Path:
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home) / kind
    if kind == "config":
        return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    if kind == "logs":
        return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / kind


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def drafts_dir() -> Path:
    """The default folder offered for saving drafts."""
    return _ensure(_base("drafts"))


def autosave_dir() -> Path:
    return _ensure(_base("autosave"))


def backups_dir() -> Path:
    return _ensure(_base("backups"))


def logs_dir() -> Path:
    return _ensure(_base("logs"))


def config_dir() -> Path:
    return _ensure(_base("config"))
