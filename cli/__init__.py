"""The command line: `python main.py check|new …`."""
