"""The plan page and its exports with 200 activities, against the same page with 10.

Run: ``python bench/bench_plan_page.py``. Uses a throw-away SQLite database unless
DATABASE_URL is given (then the plans it builds are deleted again at the end). Each figure is
the median of RUNS requests through django.test.Client, with a ratio to a baseline measured
in the same run, so figures from different machines compare by their ratios.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DATABASE_URL"):
    _tmp = tempfile.mkdtemp(prefix="unionplan-bench-")
    os.environ["UNIONPLAN_VAR_DIR"] = _tmp
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
os.environ["UNIONPLAN_ALLOWED_HOSTS"] = "testserver"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from unionplan.orgs.models import Organization, Role  # noqa: E402
from unionplan.plans.models import Plan, ScheduleItem, Section, Target  # noqa: E402

RUNS = 30
WARMUP = 3


def build_plan(org: Organization, items: int) -> Plan:
    """A plan like a real one: 4 top sections with children, 8 targets, ``items`` activities."""
    plan = Plan.objects.create(
        organization=org,
        year=2027,
        title=f"2027年工会工作计划（{items}项）",
        guiding_ideas="服务职工",
    )
    for n in range(4):
        top = Section.objects.create(plan=plan, order=n, title=f"主要工作{n}", body="正文" * 40)
        for m in range(3):
            Section.objects.create(plan=plan, parent=top, order=m, title=f"子项{m}", body="正文")
        Target.objects.bulk_create(
            Target(
                plan=plan, section=top, text=f"不少于{k}次", value=Decimal(k), unit="次", order=k
            )
            for k in range(2)
        )
    ScheduleItem.objects.bulk_create(
        ScheduleItem(
            plan=plan,
            month=n % 12 + 1,
            date=dt.date(2027, n % 12 + 1, n % 28 + 1) if n % 2 else None,
            text=f"活动内容{n}：慰问困难职工，开展文体活动",
            scope="全体教职工",
            owner="工会主席",
            budget=Decimal("800.00"),
            order=n,
        )
        for n in range(items)
    )
    return plan


def median_ms(client: Client, url: str) -> tuple[float, int]:
    """Median milliseconds of GET ``url`` and the number of SQL queries it makes."""
    for _ in range(WARMUP):
        assert client.get(url).status_code == 200
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries)


def main() -> None:
    call_command("migrate", verbosity=0)
    org = Organization.objects.create(name="基准测试工会")
    user = get_user_model().objects.create_user(f"bench-{time.time_ns()}")
    Role.objects.create(user=user, organization=org, role="chair")
    client = Client()
    client.force_login(user)
    try:
        small, large = build_plan(org, 10), build_plan(org, 200)
        page_small, q_small = median_ms(client, reverse("plans:detail", args=[small.pk]))
        page_large, q_large = median_ms(client, reverse("plans:detail", args=[large.pk]))
        print(
            f"plan page, 200 items: {page_large:.1f} ms median ({q_large} queries), "
            f"{page_large / page_small:.1f}× a 10-item plan ({page_small:.1f} ms, {q_small} queries)"
        )
        for fmt, name in [("docx", "Word"), ("xlsx", "Excel"), ("ics", "iCal")]:
            ms, queries = median_ms(client, reverse("plans:export", args=[large.pk, fmt]))
            print(
                f"plan .{fmt} export ({name}), 200 items: {ms:.1f} ms median ({queries} queries), "
                f"{ms / page_large:.1f}× the page"
            )
    finally:
        Plan.objects.filter(organization=org).delete()
        org.delete()
        user.delete()


if __name__ == "__main__":
    main()
