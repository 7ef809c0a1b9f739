"""The base of every unionplan command: bad input gives one line in Chinese and exit 2.

Django prints ``CommandError: …`` and argparse prints a usage block; the command-line
contract (DESIGN.md §5) wants one clear line and exit status 2, never a traceback, for
any mistake a user can make. Library errors (``UserInputError``) are turned into that too.

A data folder that was never migrated is such a mistake: every command that reads or writes
the database first checks that its tables are there, and says how to create them.
"""

import argparse
import sys

from django.core.management.base import BaseCommand, CommandError, handle_default_options
from django.db import DatabaseError, connections

from unionplan.core.management.arguments import in_chinese
from unionplan.errors import UserInputError

EXIT_BAD_INPUT = 2
NOT_MIGRATED = "数据库尚未初始化，请先运行 unionplan migrate"
OUT_OF_DATE = "数据库需要更新到本版本，请先运行 unionplan migrate"


def database_problem(alias: str = "default") -> str | None:
    """Why the database cannot be used yet (never migrated, behind this version), or None."""
    from django.db import connections as databases  # not the module's name: tests replace it
    from django.db.migrations.executor import MigrationExecutor

    connection = databases[alias]
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return f"无法打开数据库（{error}），请检查 DATABASE_URL 或数据目录"
    if not pending:
        return None
    if not executor.loader.applied_migrations:
        return NOT_MIGRATED
    return OUT_OF_DATE


def port_number(text: str) -> int:
    """An argparse type: a TCP port, 1–65535 (a larger number would wrap around silently)."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"端口“{text}”应为数字") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"端口{port}超出范围，应在 1–65535 之间")
    return port


class UnionplanCommand(BaseCommand):
    """Subclass this and implement ``run(*args, **options)`` instead of ``handle``.

    Set ``requires_database = False`` on a command that never touches the database
    (``plan parse``): it then works in a folder that was never migrated.
    """

    requires_database = True

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
            if "argument" in message or "unrecognized" in message or "option" in message:
                message = f"参数有误：{in_chinese(message)}（用 --help 查看用法）"
            self.stderr.write(f"错误：{message}")
            sys.exit(EXIT_BAD_INPUT)
        finally:
            connections.close_all()

    def handle(self, *args, **options):
        if self.requires_database and (problem := database_problem()):
            raise CommandError(problem, returncode=EXIT_BAD_INPUT)
        try:
            return self.run(*args, **options)
        except UserInputError as error:
            raise CommandError(error.message, returncode=EXIT_BAD_INPUT) from None

    def run(self, *args, **options):  # pragma: no cover - abstract
        raise NotImplementedError
