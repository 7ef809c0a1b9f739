"""The ``unionplan`` console command: Django's manage.py with our commands in front.

Our commands are Django management commands named ``group_verb`` (``plan_export``,
``scope_parse``); on the command line they read as ``unionplan plan export …``. Anything
that is not ours is passed to Django unchanged (``unionplan migrate``, ``unionplan shell``).
"""

import os
import sys

import django
from django.core.management import execute_from_command_line, get_commands, load_command_class

from unionplan import startup

EXIT_BAD_INPUT = 2


def _our_commands() -> dict[str, str]:
    """{'plan_export': 'unionplan.plans', …}: commands that live in our own apps."""
    return {name: app for name, app in get_commands().items() if app.startswith("unionplan")}


def _resolve(argv: list[str], ours: dict[str, str]) -> list[str] | None:
    """Turn ``plan export 3 …`` into ``plan_export 3 …``; None if the command is unknown."""
    if len(argv) >= 2 and f"{argv[0]}_{argv[1]}" in ours:
        return [f"{argv[0]}_{argv[1]}", *argv[2:]]
    if argv[0] in get_commands():
        return argv
    return None


def _help(ours: dict[str, str]) -> str:
    lines = ["用法：unionplan 命令 [参数…]    （每个命令都可加 --help）", "", "unionplan 命令："]
    for name in sorted(ours):
        command = load_command_class(ours[name], name)
        lines.append(f"  {name.replace('_', ' '):<22} {command.help}")
    lines += ["", "此外可用 Django 的全部管理命令，例如 migrate、createsuperuser、shell。"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
    startup.prepare()
    django.setup()
    ours = _our_commands()
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(_help(ours))
        return 0
    resolved = _resolve(argv, ours)
    if resolved is None:
        print(
            f"错误：未知命令“{' '.join(argv[:2])}”。运行 unionplan --help 查看全部命令。",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    execute_from_command_line(["unionplan", *resolved])
    return 0


if __name__ == "__main__":
    sys.exit(main())
