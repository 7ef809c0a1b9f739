"""A real installation for the queue tests: its own database, real ``unionplan worker``
processes, and a look into its tables with the database's own driver.

The test process cannot share pytest-django's test database with another process (on
SQLite it lives in memory), so these tests make a fresh, migrated one: a SQLite file, or a
PostgreSQL database of its own on the server of ``DATABASE_URL``. Each is a copy of one
database the test process migrated once: migrating again gives the same tables and costs
several seconds every time.
"""

from __future__ import annotations

import atexit
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import dj_database_url

from tests.cli import copy_migrated_sqlite

REPO = Path(__file__).resolve().parents[2]

# One migrated template database per PostgreSQL server, per test process.
_PG_TEMPLATES: dict[tuple, str] = {}


class Installation:
    def __init__(self, folder: Path, vendor: str, server_url: str | None = None) -> None:
        """``server_url``: the PostgreSQL server to make the database on (default: the
        server of ``DATABASE_URL``)."""
        self.folder = folder
        self.vendor = vendor
        self.workers: list[subprocess.Popen] = []
        if vendor == "postgresql":
            base = dj_database_url.parse(server_url or os.environ["DATABASE_URL"])
            self.pg = {k: base[k] for k in ("HOST", "PORT", "USER", "PASSWORD")}
            self.pg["NAME"] = f"unionplan_jobs_{uuid.uuid4().hex[:12]}"
            template = self._migrated_pg_template()
            self._admin(f'CREATE DATABASE "{self.pg["NAME"]}" TEMPLATE "{template}"')
            url = self._pg_url(self.pg["NAME"])
        else:
            url = f"sqlite:///{folder / 'db.sqlite3'}"
            copy_migrated_sqlite(folder / "db.sqlite3")
        self.env = self._environment(url, folder)

    @staticmethod
    def _environment(url: str, folder: Path) -> dict:
        return {
            **os.environ,
            "DATABASE_URL": url,
            "UNIONPLAN_VAR_DIR": str(folder),
            "UNIONPLAN_TASKS": "database",
            "PYTHONPATH": str(REPO),
        }

    # --- processes ---------------------------------------------------------------------

    def cli(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "-m", "unionplan.cli", *args],
            capture_output=True, text=True, timeout=300, env={**self.env, **(env or {})},
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result

    def python(self, code: str, env: dict | None = None) -> str:
        """Run ``code`` with Django set up against this installation; its stdout."""
        prelude = "import django, os\nos.environ['DJANGO_SETTINGS_MODULE']='unionplan.settings'\n"
        result = subprocess.run(
            [sys.executable, "-c", prelude + "django.setup()\n" + code],
            capture_output=True, text=True, timeout=300, env={**self.env, **(env or {})},
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def start_worker(self, env: dict | None = None) -> subprocess.Popen:
        worker = subprocess.Popen(
            [sys.executable, "-m", "unionplan.cli", "worker", "--interval", "0.1"],
            env={**self.env, **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.workers.append(worker)
        return worker

    def kill(self, worker: subprocess.Popen) -> None:
        """SIGKILL: the worker gets no chance to clean up, as when a machine loses power."""
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)

    def close(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                worker.terminate()
                try:
                    worker.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    self.kill(worker)
        if self.vendor == "postgresql":
            self._admin(f'DROP DATABASE IF EXISTS "{self.pg["NAME"]}" WITH (FORCE)')

    # --- looking into the tables -------------------------------------------------------

    def sql(self, query: str, params: tuple = ()) -> list[tuple]:
        if self.vendor == "postgresql":
            import psycopg

            with psycopg.connect(**self._pg_args(self.pg["NAME"]), autocommit=True) as conn:
                return conn.execute(query.replace("?", "%s"), params).fetchall()
        conn = sqlite3.connect(self.folder / "db.sqlite3", timeout=30)
        try:
            return conn.execute(query, params).fetchall()
        finally:
            conn.close()

    def job(self, job_id: str) -> tuple[str, str, int]:
        """(status, phase, attempts) of a job."""
        key = job_id if self.vendor == "postgresql" else uuid.UUID(job_id).hex
        rows = self.sql("SELECT status, phase, attempts FROM jobs_job WHERE id = ?", (key,))
        return rows[0]

    def wait_for(self, job_id: str, statuses: set[str], timeout: float = 120) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.job(job_id)[0]
            if status in statuses:
                return status
            time.sleep(0.05)
        raise AssertionError(f"job {job_id} still {self.job(job_id)} after {timeout} s")

    def writing_members(self) -> bool:
        """True while a transaction holds uncommitted writes to the member table."""
        if self.vendor == "postgresql":
            rows = self.sql(
                "SELECT count(*) FROM pg_locks WHERE relation = 'members_member'::regclass "
                "AND mode = 'RowExclusiveLock' AND granted"
            )
            return rows[0][0] > 0
        conn = sqlite3.connect(self.folder / "db.sqlite3", timeout=0)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.rollback()
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            conn.close()

    def _pg_url(self, dbname: str) -> str:
        user = self.pg["USER"] + (f":{self.pg['PASSWORD']}" if self.pg["PASSWORD"] else "")
        return f"postgres://{user}@{self.pg['HOST']}:{self.pg['PORT']}/{dbname}"

    def _migrated_pg_template(self) -> str:
        """This test process's migrated PostgreSQL database on this server, made once (the
        real ``migrate``, several seconds) and copied by ``CREATE DATABASE ... TEMPLATE``
        for each installation; dropped when the process ends."""
        server = (self.pg["HOST"], self.pg["PORT"], self.pg["USER"])
        if server not in _PG_TEMPLATES:
            name = f"unionplan_jobs_template_{uuid.uuid4().hex[:12]}"
            self._admin(f'CREATE DATABASE "{name}"')
            atexit.register(self._admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            folder = Path(tempfile.mkdtemp(prefix="unionplan-pg-template-"))
            result = subprocess.run(
                [sys.executable, "-m", "unionplan.cli", "migrate", "--noinput", "-v", "0"],
                capture_output=True, text=True, timeout=300,
                env=self._environment(self._pg_url(name), folder),
            )  # fmt: skip
            assert result.returncode == 0, result.stderr
            _PG_TEMPLATES[server] = name
        return _PG_TEMPLATES[server]

    def _pg_args(self, dbname: str) -> dict:
        args = {"host": self.pg["HOST"], "port": self.pg["PORT"], "user": self.pg["USER"]}
        if self.pg["PASSWORD"]:
            args["password"] = self.pg["PASSWORD"]
        return {**args, "dbname": dbname}

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(**self._pg_args("postgres"), autocommit=True) as conn:
            conn.execute(statement)
