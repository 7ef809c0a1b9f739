"""``unionplan backup``: database, uploads and secret key in one archive."""

import datetime as dt
from pathlib import Path

from django.conf import settings

from unionplan.core.management.base import UnionplanCommand
from unionplan.ops import backup


class Command(UnionplanCommand):
    help = "备份数据库、上传的文件和密钥（一个 .tar.gz 文件）"

    def add_arguments(self, parser):
        parser.add_argument(
            "-o",
            "--output",
            type=Path,
            help="备份文件（默认 var/backups/unionplan-日期时间.tar.gz）",
        )

    def run(self, *args, output: Path | None, **options):
        if output is None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            output = Path(settings.VAR_DIR) / "backups" / f"unionplan-{stamp}.tar.gz"
        manifest = backup.create(output)
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        self.stdout.write(
            f"已备份到 {output}（{manifest['database']} 数据库，{media} 个上传文件，"
            f"{output.stat().st_size / 1024 / 1024:.1f} MB）"
        )
