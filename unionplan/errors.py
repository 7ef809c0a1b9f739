"""Errors a user can cause, shared by every library and command.

A ``UserInputError`` carries a message in Chinese that can be shown as it is: the web layer
puts it on the form, the command line prints it on one line and exits 2. Anything else that
escapes is a bug in unionplan, not the user's mistake.
"""


class UserInputError(ValueError):
    """Bad input from a user: a file, a form value, a command-line argument."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
