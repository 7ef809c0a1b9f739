"""``unionplan serve``: serve the app with waitress, a production-grade pure-Python server."""

from waitress import serve

from unionplan.core.management.base import UnionplanCommand, port_number
from unionplan.wsgi import application


class Command(UnionplanCommand):
    help = "启动网页服务（默认 http://127.0.0.1:8000）"

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="监听地址")
        parser.add_argument("--port", type=port_number, default=8000, help="端口（1–65535）")
        parser.add_argument("--threads", type=int, default=8, help="工作线程数")

    def run(self, *args, host: str, port: int, threads: int, **options):
        self.stdout.write(f"unionplan 已启动：http://{host}:{port}/  （按 Ctrl+C 停止）")
        serve(application, host=host, port=port, threads=threads, ident="unionplan")
