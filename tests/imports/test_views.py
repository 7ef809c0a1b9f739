import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import OrganizationFactory
from unionplan.plans.models import Plan

pytestmark = pytest.mark.django_db

PLAN_TEXT = (
    "2027年学校工会工作计划\n一、指导思想\n团结动员全体教职工。\n二、工作目标\n全年不少于4次集中培训。\n"
    "三、主要活动安排\n一月份：\n1、庆元旦活动\n2、慰问70周岁以上退休老教师。\n"
    "七、八月份：\n1、组织工会委员参加工会工作培训\n"
)


PLAN_BYTES = PLAN_TEXT.encode("gb18030")


def upload(client, org, content=PLAN_BYTES, name="计划.txt"):
    return client.post(
        reverse("imports:upload", args=[org.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )


def test_upload_then_preview_writes_nothing(chair_client, org):
    response = upload(chair_client, org)
    assert response.status_code == 302
    preview = chair_client.get(response["Location"])
    assert "慰问70周岁以上退休老教师" in preview.text
    assert "指导思想" in preview.text
    assert not Plan.objects.exists()


def test_preview_words_the_targets_never_the_raw_comparator(chair_client, org):
    preview = chair_client.get(upload(chair_client, org)["Location"])
    table = preview.text.split("<th>单位</th>", 1)[1]
    row = table.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert "<td>不少于</td>" in row and '<td class="num">4</td>' in row
    assert "&gt;=" not in preview.text and "range" not in row


def test_confirm_saves_the_plan(chair_client, org):
    location = upload(chair_client, org)["Location"]
    response = chair_client.post(
        location, {"year": 2027, "use_0": "on", "title_0": "2027年学校工会工作计划"}
    )
    plan = Plan.objects.get(organization=org)
    assert response["Location"] == reverse("plans:detail", args=[plan.pk])
    assert plan.items.filter(month=7, end_month=8).exists()
    assert plan.targets.filter(value=4).exists()


def test_bad_file_message_on_form(chair_client, org):
    response = upload(chair_client, org, content=b"\x00\xff" * 500, name="x.txt")
    assert response.status_code == 200
    assert "errorlist" in response.text
    assert not Plan.objects.exists()


def test_duplicate_title_on_confirm_is_told_and_nothing_saved(chair_client, org):
    location = upload(chair_client, org)["Location"]
    chair_client.post(location, {"year": 2027, "use_0": "on", "title_0": "同名计划"})
    location = upload(chair_client, org)["Location"]
    response = chair_client.post(location, {"year": 2027, "use_0": "on", "title_0": "同名计划"})
    assert response.status_code == 200
    assert "本工会2027年已有标题为“同名计划”的计划，请换一个标题。" in response.text
    assert Plan.objects.count() == 1


def test_another_session_cannot_use_the_token(client, chair_client, org, make_user):
    location = upload(chair_client, org)["Location"]
    client.force_login(make_user(org))
    assert client.get(location).status_code == 404


@pytest.mark.parametrize("role", ["viewer", None])
def test_viewers_and_strangers_get_404(client, org, make_user, role):
    user = make_user(org, role) if role else make_user(OrganizationFactory())
    client.force_login(user)
    assert client.get(reverse("imports:upload", args=[org.pk])).status_code == 404
    assert upload(client, org).status_code == 404


def test_text_over_its_limit_gets_the_parsers_message(chair_client, org):
    big = ("一、指导思想\n" + "坚持服务职工。" * 40 + "\n") * 6500  # about 5.6 MB of text
    response = upload(chair_client, org, content=big.encode("utf-8"), name="大文件.txt")
    assert response.status_code == 200
    assert "最大支持 5 MB" in response.text
    assert not Plan.objects.exists()


NO_YEAR_TEXT = (
    "学校工会工作计划\n一、指导思想\n团结动员全体教职工。\n二、活动安排\n三月份：\n"
    "1、3月8日庆祝三八妇女节，慰问女教工。\n"
)
TABLE_HTML = (
    "<html><body><h1>2027年学校工会工作计划</h1><h2>一、活动安排</h2><table>"
    "<tr><th>时间</th><th>活动内容</th><th>参加范围</th><th>负责人</th><th>经费</th></tr>"
    "<tr><td>3月</td><td>庆祝三八妇女节</td><td>全体女职工</td><td>张老师</td><td>1.5万元</td></tr>"
    "<tr><td>5月</td><td>羽毛球比赛</td><td>全体教职工</td><td>李老师</td><td></td></tr>"
    "<tr><td>6月</td><td>职工疗休养</td><td>全体教职工</td><td>王主席</td><td>200,000</td></tr>"
    "<tr><td>9月</td><td>送温暖慰问</td><td>困难职工</td><td>王主席</td><td>1,182,000.00元</td></tr>"
    "<tr><td>10月</td><td>重阳节慰问，经费2000元</td><td>退休教职工</td><td></td><td></td></tr>"
    "</table></body></html>"
)


def test_confirmed_year_dates_a_plan_whose_title_names_none(chair_client, org):
    location = upload(chair_client, org, NO_YEAR_TEXT.encode("utf-8"))["Location"]
    preview = chair_client.get(location)
    next_year = dt.date.today().year + 1
    assert f'name="year" value="{next_year}"' in preview.text
    assert "3月8日" in preview.text  # dated in the default year already in the preview
    response = chair_client.post(location, {"year": 2028, "use_0": "on", "title_0": "工作计划"})
    assert response.status_code == 302
    item = Plan.objects.get(organization=org, year=2028).items.get()
    assert item.date == dt.date(2028, 3, 8)


def test_import_saves_the_budgets_of_the_table(chair_client, org):
    location = upload(chair_client, org, TABLE_HTML.encode("utf-8"), "计划.html")["Location"]
    preview = chair_client.get(location)
    assert "15,000.00" in preview.text and "1,182,000.00" in preview.text
    chair_client.post(location, {"year": 2027, "use_0": "on", "title_0": "2027年学校工会工作计划"})
    items = Plan.objects.get(organization=org).items.order_by("month")
    assert [(i.text, i.owner, i.budget) for i in items] == [
        ("庆祝三八妇女节", "张老师", Decimal("15000.00")),
        ("羽毛球比赛", "李老师", None),
        ("职工疗休养", "王主席", Decimal("200000.00")),
        ("送温暖慰问", "王主席", Decimal("1182000.00")),
        ("重阳节慰问，经费2000元", "", Decimal("2000.00")),
    ]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "计划.png", "图片文件（.png）"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>', "计划.svg", "图片文件"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "计划.docx", "旧版 Word（.doc）"),
        (b"PK\x03\x04odt", "计划.odt", ".odt 暂不支持，请另存为 .docx"),
    ],
)
def test_a_file_that_is_no_plan_gets_its_advice_and_nothing_is_stored(
    chair_client, org, content, name, message
):
    response = upload(chair_client, org, content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Plan.objects.exists()
