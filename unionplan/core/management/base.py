"""The base of every unionplan command: bad input gives one line in Chinese and exit 2.

Django prints ``CommandError: …`` and argparse prints a usage block; the command-line
contract (DESIGN.md §5) wants one clear line and exit status 2, never a traceback, for
any mistake a user can make. Library errors (``UserInputError``) are turned into that too.
"""

import sys

from django.core.management.base import BaseCommand, CommandError, handle_default_options
from django.db import connections

from unionplan.errors import UserInputError

EXIT_BAD_INPUT = 2


class UnionplanCommand(BaseCommand):
    """Subclass this and implement ``run(*args, **options)`` instead of ``handle``."""

    def run_from_argv(self, argv: list[str]) -> None:
        # Parsing with _called_from_command_line left False makes argparse raise
        # CommandError instead of printing its usage block and exiting by itself.
        parser = self.create_parser(argv[0], argv[1])
        try:
            options = parser.parse_args(argv[2:])
            cmd_options = vars(options)
            args = cmd_options.pop("args", ())
            handle_default_options(options)
            self.execute(*args, **cmd_options)
        except CommandError as error:
            message = str(error).removeprefix("Error: ")
            if "argument" in message or "unrecognized" in message:
                message = f"参数有误：{message}（用 --help 查看用法）"
            self.stderr.write(f"错误：{message}")
            sys.exit(EXIT_BAD_INPUT)
        finally:
            connections.close_all()

    def handle(self, *args, **options):
        try:
            return self.run(*args, **options)
        except UserInputError as error:
            raise CommandError(error.message, returncode=EXIT_BAD_INPUT) from None

    def run(self, *args, **options):  # pragma: no cover - abstract
        raise NotImplementedError
