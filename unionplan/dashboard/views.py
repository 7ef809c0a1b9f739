"""The one-page dashboard of an organization (and, for a federation, of its subtree)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from unionplan.calendar.years import FIRST_YEAR, LAST_YEAR
from unionplan.dashboard.figures import Figures, figures
from unionplan.orgs.access import get_organization_or_404
from unionplan.plan.progress import STATUSES
from unionplan.plans.models import Plan


@login_required
@require_safe
def org(request, pk: int):
    organization = get_organization_or_404(request.user, pk)
    years = sorted(
        set(
            Plan.objects.filter(organization__path__startswith=organization.path)
            .values_list("year", flat=True)
            .distinct()
        ),
        reverse=True,
    )
    year = _year(request.GET.get("year"), years)
    data = figures(organization, year)
    return render(
        request,
        "dashboard/org.html",
        {"org": organization, "year": year, "years": years, "f": data, "charts": _charts(data)},
    )


def _year(asked: str | None, years: list[int]) -> int:
    """The year asked for, else this year if it has plans, else the latest year with plans."""
    try:
        return max(FIRST_YEAR, min(LAST_YEAR, int(asked or "")))
    except ValueError:
        pass
    current = timezone.localdate().year
    if current in years or not years:
        return current
    return years[0]


COLORS = {"met": "#1a7f37", "on_track": "#0b57d0", "behind": "#d4a72c", "missed": "#cf222e",
          "no_data": "#8c959f"}  # fmt: skip


def _charts(data: Figures) -> dict:
    """The numbers the ECharts figures draw (passed to the page with json_script)."""
    months = data.months
    return {
        "labels": {
            "done": gettext("已完成"),
            "overdue": gettext("已逾期"),
            "other": gettext("其他"),
            "attendance": gettext("参加人次"),
            "attendance_unit": gettext("人次"),
            "records": gettext("活动次数"),
            "records_unit": gettext("次"),
            "budget": gettext("预算"),
            "spent": gettext("支出"),
            "yuan": gettext("元"),
            "pie": gettext("{b}：{c}"),  # ECharts: name and value of a slice
        },
        "months": [date_format(dt.date(2000, row["month"], 1), gettext("n月")) for row in months],
        "done": [row["done"] for row in months],
        "overdue": [row["overdue"] for row in months],
        "other": [row["other"] for row in months],
        "records": [row["records"] for row in months],
        "attendance": [row["attendance"] for row in months],
        "categories": [gettext(line.label) for line in data.by_category],
        "budget": [float(line.budget) for line in data.by_category],
        "spent": [float(line.spent) for line in data.by_category],
        "targets": [
            {
                "name": gettext(label),
                "value": data.targets[code],
                "itemStyle": {"color": COLORS[code]},
            }
            for code, label in STATUSES
            if data.targets.get(code)
        ],
    }
