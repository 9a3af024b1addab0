"""The errors a run ends with in one line: the message says what and why; `exit_code` is 1
for a problem of the moment (a locked or full disk), 2 for a wrong file or option."""


class ToolError(Exception):
    exit_code = 1
