"""The report as plain Python: no Qt anywhere below here."""

import logging

# Library code logs to "govreport"; the GUI adds a file handler. Without one nothing goes to the console.
logging.getLogger("govreport").addHandler(logging.NullHandler())
