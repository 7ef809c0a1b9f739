"""``unionplan plan submit | review | history``: the command-line contract of the workflow."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.cli import assert_one_line_exit_2, migrated_database_env, run_cli
from unionplan.plans.models import Plan

SETUP = """
from django.contrib.auth import get_user_model
from unionplan.orgs.models import Organization, Role
from unionplan.plans.models import Plan, ScheduleItem
User = get_user_model()
district = Organization.objects.create(name="区总工会", kind="federation")
school = Organization.objects.create(name="实验小学工会", parent=district)
for name, org, role in [("zhang", school, "chair"), ("li", school, "committee"),
                        ("wang", district, "staff")]:
    Role.objects.create(user=User.objects.create(username=name), organization=org, role=role)
plan = Plan.objects.create(organization=school, year=2027, title="2027年工会工作计划")
ScheduleItem.objects.create(plan=plan, month=3, text="三八节活动")
Plan.objects.create(organization=school, year=2027, title="空计划")
print(plan.pk)
"""


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    env = migrated_database_env(tmp_path_factory.mktemp("var"))
    result = run_cli("shell", "-c", SETUP, env=env)
    assert result.returncode == 0, result.stderr
    return env, result.stdout.strip().splitlines()[-1]


def test_the_whole_flow_and_its_refusals(database):
    env, pk = database
    assert_one_line_exit_2(run_cli("plan", "submit", pk, "--user", "li", env=env), "工会主席")
    assert_one_line_exit_2(run_cli("plan", "submit", pk, "--user", "nobody", env=env), "不存在")
    done = run_cli("plan", "submit", pk, "--user", "zhang", "--comment", "请审批", env=env)
    assert done.returncode == 0, done.stderr
    assert "已提交" in done.stdout
    result = run_cli("plan", "review", pk, "--user", "wang", "--return", env=env)
    assert_one_line_exit_2(result, "退回计划必须填写意见")
    result = run_cli("plan", "review", pk, "--user", "zhang", "--approve", env=env)
    assert_one_line_exit_2(result, "本工会")
    result = run_cli(
        "plan", "review", pk, "--user", "wang", "--approve", "--comment", "同意", env=env
    )
    assert result.returncode == 0, result.stderr
    history = run_cli("plan", "history", pk, "--json", env=env)
    assert history.returncode == 0, history.stderr
    steps = json.loads(history.stdout)
    assert [(s["state"], s["user"], s["version"], s["comment"]) for s in steps] == [
        ("submitted", "zhang", 2, "请审批"),
        ("approved", "wang", 2, "同意"),
    ]
    assert all(set(s) >= {"state", "user", "at", "comment", "version"} for s in steps)
    assert_one_line_exit_2(run_cli("plan", "submit", pk, "--user", "zhang", env=env), "已通过")


def test_empty_plan_and_bad_arguments(database):
    env, pk = database
    empty = str(int(pk) + 1)
    assert_one_line_exit_2(
        run_cli("plan", "submit", empty, "--user", "zhang", env=env), "没有任何活动"
    )
    assert_one_line_exit_2(run_cli("plan", "history", "abc", "--json", env=env), "计划编号应为整数")
    assert_one_line_exit_2(run_cli("plan", "history", "4242", "--json", env=env), "不存在")
    both = run_cli("plan", "review", pk, "--user", "wang", "--approve", "--return", env=env)
    assert_one_line_exit_2(both, "参数有误")
    neither = run_cli("plan", "review", pk, "--user", "wang", env=env)
    assert_one_line_exit_2(neither, "参数有误")


def test_help_lists_the_workflow_commands():
    result = run_cli("--help")
    assert "plan submit" in result.stdout and "plan review" in result.stdout
    assert "plan history" in result.stdout and "plan remind" in result.stdout


def test_meeting_date_must_be_a_date(tree, school_plan):
    with pytest.raises(CommandError, match="会议日期“2027-02-30”无效"):
        call_command(
            "plan_review",
            str(school_plan.pk),
            "--user",
            tree.city_chair.username,
            "--approve",
            "--meeting-date",
            "2027-02-30",
        )
    assert Plan.objects.get(pk=school_plan.pk).status == "draft"


def test_top_level_plan_approved_with_meeting_date(tree, capsys):
    from tests.factories import PlanFactory, ScheduleItemFactory

    plan = PlanFactory(organization=tree.city)
    ScheduleItemFactory(plan=plan)
    user = tree.city_chair.username
    call_command("plan_submit", str(plan.pk), "--user", user)
    with pytest.raises(CommandError, match="请填写会议日期"):
        call_command("plan_review", str(plan.pk), "--user", user, "--approve")
    call_command(
        "plan_review", str(plan.pk), "--user", user, "--approve", "--meeting-date", "2026-11-30"
    )
    call_command("plan_history", str(plan.pk), "--json")
    steps = json.loads(capsys.readouterr().out.split("\n", 2)[-1])
    assert steps[-1]["state"] == "approved" and steps[-1]["meeting_date"] == "2026-11-30"


def test_plan_adjust_opens_a_revision_and_refuses_without_a_reason(tree, school_plan, capsys):
    from unionplan.review import services

    services.submit(school_plan, tree.school_chair)
    services.review(school_plan, tree.district_chair, approve=True)
    user = tree.school_chair.username
    with pytest.raises(CommandError, match="申请调整必须填写调整原因"):
        call_command("plan_adjust", str(school_plan.pk), "--user", user)
    assert Plan.objects.get(pk=school_plan.pk).status == "approved"
    call_command("plan_adjust", str(school_plan.pk), "--user", user, "--reason", "新增讲座")
    assert "已开始第1次调整" in capsys.readouterr().out
    assert Plan.objects.get(pk=school_plan.pk).status == "draft"


def test_plan_adjust_exits_2_with_one_chinese_line(database):
    env, pk = database
    result = run_cli("plan", "adjust", pk, "--user", "li", "--reason", "原因", env=env)
    assert_one_line_exit_2(result, "工会主席")
