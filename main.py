"""Entry point: with no sub-command the GUI opens (a draft FILE, --sample, --screenshots DIR);
`check`, `new` … run the command line."""

import os
import sys

from cli.main import main

if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
