"""Entry point: with no sub-command the GUI opens (a draft FILE, --sample, --screenshots DIR);
`check`, `import`, `new`, `export`, `infographic`, `ledger`, `collect` run the command line (see cli/main.py)."""

import multiprocessing
import os
import sys

from cli.main import main

if __name__ == "__main__":
    # The batch check runs worker processes; a frozen Windows build (PyInstaller) must let them start here.
    multiprocessing.freeze_support()
    try:
        sys.exit(main())
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
