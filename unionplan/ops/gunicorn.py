"""gunicorn run from inside ``unionplan serve``, configured in code, not a config file.

X-Forwarded-* headers are left to Django (UNIONPLAN_BEHIND_PROXY): gunicorn would
otherwise believe them from any client on 127.0.0.1.
"""

from gunicorn.app.base import BaseApplication


class GunicornServer(BaseApplication):
    def __init__(self, *, bind: str, workers: int, threads: int) -> None:
        self.options = {
            "bind": bind,
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread" if threads > 1 else "sync",
            "forwarded_allow_ips": "",
            "proxy_allow_ips": "",
            # Long requests (a 100k-row roster, a federation's sign-in sheet) take seconds.
            "timeout": 120,
            "graceful_timeout": 30,
            # A fresh process now and then keeps memory from creeping up.
            "max_requests": 2000,
            "max_requests_jitter": 200,
            "proc_name": "unionplan",
            # gunicorn's control socket lives in the home folder, shared by every server of
            # that user; two installations on one machine would fight over it.
            "control_socket_disable": True,
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        # Imported when gunicorn asks, in each worker: loading it sets Django up there.
        from unionplan.wsgi import application

        return application
