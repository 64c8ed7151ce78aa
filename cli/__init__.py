"""The command line: `main.py check|import|new|export|infographic|ledger|collect …` (see cli/main.py)."""
