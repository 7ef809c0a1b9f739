"""Background job of the records: the year-end summary (年度工作总结) as a Word file.

Gathering a year of records, drawing the charts and writing the document takes seconds
for a large plan; it runs in ``unionplan worker`` and reads only, so a failure changes
nothing.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from unionplan.documents.summary import summary_bytes
from unionplan.files.mime import DOCX
from unionplan.jobs.lifecycle import Finished, background
from unionplan.jobs.models import Job
from unionplan.jobs.progress import Progress
from unionplan.plans.models import Plan
from unionplan.records.summary import summary_data


def summary_filename(plan: Plan) -> str:
    return f"{plan.year}年度工作总结.docx"


@background(steps=2)
def year_summary(job: Job, progress: Progress) -> Finished:
    plan = Plan.objects.select_related("organization").get(pk=job.params["plan"])
    progress.step(_("汇总全年的活动记录、目标和经费"))
    data = summary_data(plan)
    progress.step(_("生成 Word 文档和图表"))
    content = summary_bytes(data)
    message = _("%(org)s%(year)s年度工作总结已生成，可以下载后在 Word 中修改。") % {
        "org": plan.organization.name,
        "year": plan.year,
    }
    return Finished(message, content, summary_filename(plan), DOCX)
