"""English is really available: the pages render in English when asked, Chinese by default,
and the committed catalogue (unionplan/locale/en) is complete and compiled."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import MemberFactory, PlanFactory, ScheduleItemFactory, TargetFactory

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def assert_english(html: str, present: list[str], absent: list[str]) -> None:
    for word in present:
        assert word in html, word
    for word in absent:
        assert word not in html, word


@pytest.fixture
def plan(org):
    plan = PlanFactory(organization=org, title="2027年工会工作计划")
    ScheduleItemFactory(plan=plan, month=3, text="三八妇女节活动", scope="全体女职工")
    ScheduleItemFactory(plan=plan, month=7, end_month=8, text="夏季送清凉")
    TargetFactory(plan=plan)
    return plan


# --- pages in English --------------------------------------------------------------------


def test_login_page_in_english(client, db):
    html = page(english(client), reverse("login"))
    assert '<html lang="en"' in html
    assert_english(html, ["Log in", "Username", "Password"], ["登录", "用户名", "密码"])


def test_home_in_english(chair_client, plan):
    html = page(english(chair_client), reverse("home"))
    assert_english(
        html,
        ["My trade unions", "Grassroots union", "School", "Draft", "Log out"],
        ["我的工会", "基层工会 · 学校", "草稿", "退出"],
    )


def test_org_page_in_english(chair_client, org, plan):
    html = page(english(chair_client), reverse("orgs:detail", args=[org.pk]))
    assert_english(
        html,
        ["Annual work plans", "New work plan", "Member roster", "Dashboard", "Status"],
        ["年度工作计划", "新建工作计划", "会员名册", "工作看板", "更新时间"],
    )


def test_plan_page_in_english(chair_client, plan):
    html = page(english(chair_client), reverse("plans:detail", args=[plan.pk]))
    assert_english(
        html,
        ["Activity schedule", "Participants", "Person in charge", "Budget (yuan)", "Total budget"],
        ["活动安排（计划表）", "参加范围", "负责人</th>", "经费合计", "添加活动"],
    )
    # The month column and the choices shown (target comparator, plan status).
    assert_english(
        html, ["March", "July–August", "at least", "Draft"], ["三月份", "<td>不少于</td>", "草稿"]
    )
    # What people typed stays as they typed it.
    assert "三八妇女节活动" in html and "全体女职工" in html


def test_member_list_in_english(chair_client, org):
    MemberFactory(organization=org, gender="female")
    html = page(english(chair_client), reverse("members:list", args=[org.pk]))
    assert_english(
        html,
        ["Member roster", "Import roster", "Gender", "Female", "Employed"],
        ["会员名册", "导入花名册", "性别", "在职"],
    )


def test_dashboard_in_english(chair_client, org, plan):
    html = page(english(chair_client), reverse("dashboard:org", args=[org.pk]))
    assert_english(
        html,
        ["Dashboard", "Activities done by month", "Target progress", '"Mar"', '"Attendances"'],
        ["工作看板", "各月活动完成情况", "目标进度", '"3月"', '"参加人次"'],
    )


def test_accept_language_header_picks_english(client, db):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    html = response.content.decode()
    assert "Log in" in html and "用户名" not in html


def test_language_switch_sets_english(chair_client, plan):
    response = chair_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert "My trade unions" in page(chair_client, reverse("home"))


# --- Chinese by default ------------------------------------------------------------------


def test_chinese_by_default(chair_client, plan):
    html = page(chair_client, reverse("plans:detail", args=[plan.pk]))
    assert '<html lang="zh-hans"' in html
    assert_english(
        html, ["活动安排（计划表）", "三月份", "七、八月份", "不少于"], ["Activity schedule"]
    )
    home = page(chair_client, reverse("home"))
    assert "我的工会" in home and "My trade unions" not in home


# --- the catalogue ------------------------------------------------------------------------


def _unquote(text: str) -> str:
    return ast.literal_eval(text)


def po_entries(path: Path) -> list[dict]:
    """The entries of a .po file (header included), read just well enough for these checks."""
    entries, entry, field = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry:
                entries.append(entry)
            entry = None
            continue
        entry = entry or {"flags": "", "msgid": "", "msgid_plural": None, "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"] += line[2:]
        elif line.startswith("#"):
            continue
        elif match := re.match(r"(msgid_plural|msgid|msgstr)(?:\[(\d)\])? (\".*\")$", line):
            keyword, index, text = match.groups()
            if keyword == "msgstr":
                field = ("msgstr", int(index or 0))
                entry["msgstr"][field[1]] = _unquote(text)
            else:
                field = (keyword, None)
                entry[keyword] = _unquote(text)
        elif line.startswith('"'):
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += _unquote(line)
            else:
                entry[field[0]] += _unquote(line)
    return entries


@pytest.fixture(scope="module")
def entries():
    found = [e for e in po_entries(CATALOGUE / "django.po") if e["msgid"]]
    assert len(found) > 400  # the whole interface, not a stub
    return found


def test_every_msgid_is_translated_and_none_fuzzy(entries):
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []
    plurals = [e for e in entries if e["msgid_plural"] is not None]
    assert plurals and all(len(e["msgstr"]) == 2 for e in plurals)


def test_translations_keep_their_placeholders(entries):
    for e in entries:
        wanted = sorted(PLACEHOLDER.findall(e["msgid_plural"] or e["msgid"]))
        for text in e["msgstr"].values():
            found = sorted(PLACEHOLDER.findall(text))
            # An English singular may spell out "one" instead of %(n)s; nothing else may go.
            assert set(found) <= set(wanted) and (found == wanted or e["msgid_plural"]), e


def test_translations_are_english(entries):
    han = re.compile(r"[\u4e00-\u9fff]")
    # Chinese kept on purpose: an example of what users type, the numbering of sections, the
    # column headings a roster may use and an example of web-page garbage the import cleans.
    allowed = ("例如：张、语文组", "章节最多四级", "上传单位现有的花名册", "上传去年的 Word 计划")
    chinese = [
        e["msgid"]
        for e in entries
        if any(han.search(text) for text in e["msgstr"].values())
        and not e["msgid"].startswith(allowed)
    ]
    assert chinese == []


def test_compiled_catalogue_is_not_stale(entries):
    """The committed .mo says what the .po says (run `make messages` after editing the .po)."""
    with open(CATALOGUE / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for e in entries:
        if e["msgid_plural"] is None:
            assert compiled.gettext(e["msgid"]) == e["msgstr"][0], e["msgid"]
        else:
            assert compiled.ngettext(e["msgid"], e["msgid_plural"], 1) == e["msgstr"][0]
            assert compiled.ngettext(e["msgid"], e["msgid_plural"], 5) == e["msgstr"][1]
    plurals = sum(1 for e in entries if e["msgid_plural"] is not None)
    # Nothing in the .mo that the .po lacks: the header, one key per msgid, two per plural.
    assert len(compiled._catalog) == 1 + len(entries) + plurals
