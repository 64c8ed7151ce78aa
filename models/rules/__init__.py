"""The rule set and what it checks with: equations, text scans, year-on-year change, focus."""
