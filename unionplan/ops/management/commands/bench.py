"""``unionplan bench [NAME…]``: run the benchmarks of a source checkout (what `make bench` does)."""

import subprocess
import sys

from django.conf import settings

from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError


class Command(UnionplanCommand):
    help = "运行性能基准测试（源码目录中的 bench/），输出各项数据及其与基线之比"
    requires_database = False

    def add_arguments(self, parser):
        parser.add_argument(
            "names", nargs="*", metavar="NAME", help="只运行这些基准，如 bench_parse"
        )

    def run(self, *args, names: list[str], **options):
        runner = settings.BASE_DIR / "bench" / "run.py"
        if not runner.exists():
            raise UserInputError("找不到 bench/run.py：基准测试只随源码目录提供。")
        known = {path.stem for path in runner.parent.glob("bench_*.py")}
        unknown = [name for name in names if name.removesuffix(".py") not in known]
        if unknown:
            raise UserInputError(
                f"没有名为{'、'.join(unknown)}的基准。可用：{'、'.join(sorted(known))}"
            )
        result = subprocess.run([sys.executable, str(runner), *names], check=False)
        if result.returncode:
            raise UserInputError("有基准运行失败，见上方输出。")
