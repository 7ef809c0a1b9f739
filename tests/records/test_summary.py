import datetime as dt
import io
from decimal import Decimal

import docx
import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import ScheduleItemFactory, SectionFactory, TargetFactory
from tests.records.factories import ExpenseLineFactory, TargetMeasureFactory, held
from unionplan.jobs.models import Job
from unionplan.records.summary import summary_data, summary_docx


@pytest.fixture
def year(plan):
    section = SectionFactory(plan=plan, title="加强工会干部培训", body="组织集中培训。")
    target = TargetFactory(plan=plan, section=section, text="全年不少于4次集中培训")
    TargetMeasureFactory(target=target, category="training")
    training = ScheduleItemFactory(plan=plan, month=3, text="工会干部培训", category="training",
                                   budget=Decimal(600))  # fmt: skip
    for record in held(training, 2, others_count=20):
        ExpenseLineFactory(record=record, amount=Decimal(100), category="training")
    ScheduleItemFactory(plan=plan, month=4, text="春季健步走", category="culture")
    return plan


def test_summary_data_says_what_was_planned_and_done(year):
    data = summary_data(year)
    assert [s.title for s in data.sections] == ["加强工会干部培训"]
    assert data.sections[0].targets[0].progress.startswith("2/4次")
    training = data.items[0]
    assert (training.text, training.done, training.participants) == ("工会干部培训", True, 40)
    assert [a.date for a in training.activities] == [dt.date(2027, 3, 10)] * 2
    assert data.budget[0].label == "学习培训" and data.budget[0].spent == 200
    assert [c.title for c in data.charts] == ["各月活动完成情况", "经费预算与支出（按类别）"]
    assert all(c.png.startswith(b"\x89PNG") for c in data.charts)


def test_the_docx_opens_with_the_plans_content(year):
    document = docx.Document(io.BytesIO(summary_docx(year)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"{year.organization.name}2027年度工作总结" in text
    assert "（一）加强工会干部培训" in text and "计划：组织集中培训。" in text
    cells = [c.text for c in document.tables[0].rows[1].cells]
    assert cells[1:5] == ["工会干部培训", "已完成", "3月10日、3月10日", "40"]
    assert len(document.inline_shapes) == 2


def test_the_command_writes_the_file(year, tmp_path):
    out = tmp_path / "总结.docx"
    call_command("plan_summary", str(year.pk), "-o", str(out))
    assert docx.Document(out).paragraphs[0].text.endswith("年度工作总结")


@pytest.mark.parametrize(
    ("args", "message"),
    [(["999999", "-o", "x.docx"], "没有编号为“999999”的计划"), (["{pk}", "-o", "x.txt"], ".docx")],
)
def test_the_command_gives_one_line_and_exit_2_on_bad_input(year, tmp_path, capsys, args, message):
    from unionplan.cli import main

    args = [a.format(pk=year.pk) for a in args]
    args[-1] = str(tmp_path / args[-1])
    with pytest.raises(SystemExit) as exit_info:
        main(["plan", "summary", *args])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err


def test_the_view_makes_the_docx_as_a_job_and_its_page_offers_it(chair_client, year):
    response = chair_client.post(reverse("records:summary", args=[year.pk]), follow=True)
    job = Job.objects.get()
    assert response.redirect_chain[-1][0] == reverse("jobs:detail", args=[job.pk])
    assert job.status == Job.DONE and "年度工作总结已生成" in job.message
    assert reverse("jobs:download", args=[job.pk]) in response.text
    download = chair_client.get(reverse("jobs:download", args=[job.pk]))
    assert "filename*=UTF-8''2027" in download["Content-Disposition"]
    assert docx.Document(io.BytesIO(download.content)).tables


def test_the_summary_is_started_by_post_only(chair_client, year):
    assert chair_client.get(reverse("records:summary", args=[year.pk])).status_code == 405
    assert not Job.objects.exists()
