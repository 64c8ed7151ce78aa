"""Writing the report as Word (.docx) and Excel (.xlsx) files. Qt-free, like models/."""
