"""Files shipped with the app: the built-in sample report, icons, the style sheet."""

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
SAMPLE_REPORT = RESOURCES / "samples" / "tongguan-zhaoshang-2023.nianbao"
