"""The plan page and its Word, Excel and iCal exports at 10, 200 and 1,000 activities.

Run: ``python bench/bench_plan_page.py``. Uses a throw-away SQLite database unless
DATABASE_URL is given (then the plans it builds are deleted again at the end). Each figure
is the median of requests through django.test.Client, interleaved with an anchor doing the
same work by the fastest obvious means on the same content (read back from the export
itself, so the anchor writes exactly the same cells):

* page: the same items fetched by one raw SQL query and joined into an HTML table;
* Word: python-docx writing the export's schedule table into a blank document;
* Excel: openpyxl in write-only mode writing the export's cells;
* iCal: the icalendar library writing the export's events.

Each line gives the ratio to its anchor; the size steps show growth, and the run fails
(exit 1) if a step grows faster than linear. ``BENCH_PLAN_PAGE_SUBJECTS=xlsx`` (or any of
``page,docx,xlsx,ics``, comma-separated) measures only those subjects.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
if not os.environ.get("DATABASE_URL"):
    _tmp = tempfile.mkdtemp(prefix="unionplan-bench-")
    os.environ["UNIONPLAN_VAR_DIR"] = _tmp
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
os.environ["UNIONPLAN_ALLOWED_HOSTS"] = "testserver"

import django  # noqa: E402
import docx  # noqa: E402
import icalendar  # noqa: E402
import openpyxl  # noqa: E402
import python_calamine  # noqa: E402
from growth import check_linear, paired  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from unionplan.orgs.models import Organization, Role  # noqa: E402
from unionplan.plans.models import Plan, ScheduleItem, Section, Target  # noqa: E402

SIZES = (10, 200, 1000)
RUNS = {10: 15, 200: 9, 1000: 5}
# Which subjects to measure (``page,docx,xlsx,ics``; all by default), so one can be re-run
# alone on a loaded machine.
ONLY = set(filter(None, os.environ.get("BENCH_PLAN_PAGE_SUBJECTS", "").split(",")))


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


def fetch(client: Client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


def queries_of(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        fetch(client, url)
    return len(queries)


def page_anchor(plan: Plan):
    """One raw query for the plan's items, joined into an HTML table."""
    table = ScheduleItem._meta.db_table
    sql = f"SELECT month, date, text, scope, owner, budget FROM {table} WHERE plan_id = %s ORDER BY month, id"

    def work() -> bytes:
        with connection.cursor() as cursor:
            cursor.execute(sql, [plan.pk])
            rows = cursor.fetchall()
        cells = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
            for row in rows
        )
        return f"<html><body><table>{cells}</table></body></html>".encode()

    return work


def docx_anchor(exported: bytes):
    """python-docx writing the export's schedule table (its largest table) into a blank file."""
    tables = docx.Document(io.BytesIO(exported)).tables
    rows = [
        [cell.text for cell in row.cells] for row in max(tables, key=lambda t: len(t.rows)).rows
    ]

    def work() -> bytes:
        document = docx.Document()
        table = document.add_table(rows=0, cols=len(rows[0]))
        for values in rows:
            for cell, value in zip(table.add_row().cells, values, strict=True):
                cell.text = value
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    return work


def xlsx_anchor(exported: bytes):
    """openpyxl write-only writing every cell of every sheet of the export."""
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(exported))
    sheets = {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}

    def work() -> bytes:
        workbook = openpyxl.Workbook(write_only=True)
        for name, rows in sheets.items():
            sheet = workbook.create_sheet(name)
            for row in rows:
                sheet.append(row)
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()

    return work


def ics_anchor(exported: bytes):
    """icalendar writing the export's events (the same properties, copied)."""
    events = [
        list(component.property_items(recursive=False))
        for component in icalendar.Calendar.from_ical(exported).walk("VEVENT")
    ]

    def work() -> bytes:
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//bench//")
        calendar.add("version", "2.0")
        for properties in events:
            event = icalendar.Event()
            for key, value in properties:
                if key not in {"BEGIN", "END"}:
                    event.add(key, value)
            calendar.add_component(event)
        return calendar.to_ical()

    return work


SUBJECTS = (
    ("plan page", None, page_anchor, "raw SQL + an HTML table"),
    ("Word export", "docx", docx_anchor, "python-docx writing the same table"),
    ("Excel export", "xlsx", xlsx_anchor, "openpyxl write-only, the same cells"),
    ("iCal export", "ics", ics_anchor, "icalendar writing the same events"),
)


def measure(client: Client, plans: dict[int, Plan]) -> bool:
    ok = True
    for name, fmt, make_anchor, anchor_name in SUBJECTS:
        if ONLY and (fmt or "page") not in ONLY:
            continue
        steps = []
        for size, plan in plans.items():
            if fmt is None:
                url = reverse("plans:detail", args=[plan.pk])
                anchor = make_anchor(plan)
            else:
                url = reverse("plans:export", args=[plan.pk, fmt])
                anchor = make_anchor(fetch(client, url))
            ms, anchor_ms = paired(lambda url=url: fetch(client, url), anchor, RUNS[size])
            print(
                f"{name}, {size} items: {ms:.1f} ms median ({queries_of(client, url)} queries); "
                f"anchor ({anchor_name}) {anchor_ms:.1f} ms; ratio {ms / anchor_ms:.1f}×"
            )
            steps.append((size, ms))
        ok = check_linear(name, steps) and ok
    return ok


def main() -> int:
    import unionplan.wsgi  # noqa: F401  (loads the app as a server's worker does, gc freeze included)

    call_command("migrate", verbosity=0)
    org = Organization.objects.create(name="基准测试工会")
    user = get_user_model().objects.create_user(f"bench-{time.time_ns()}")
    Role.objects.create(user=user, organization=org, role="chair")
    client = Client()
    client.force_login(user)
    try:
        plans = {size: build_plan(org, size) for size in SIZES}
        return 0 if measure(client, plans) else 1
    finally:
        Plan.objects.filter(organization=org).delete()
        org.delete()
        user.delete()


if __name__ == "__main__":
    sys.exit(main())
