import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import MemberFactory
from tests.members.rosters import csv_bytes, person, xlsx
from unionplan.core import uploads
from unionplan.jobs.models import Job
from unionplan.members.models import Member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def upload(client, org, data: bytes, name: str = "名册.xlsx"):
    return client.post(
        reverse("members:import", args=[org.pk]), {"file": SimpleUploadedFile(name, data)}
    )


def token_of(response) -> str:
    return response.context["token"]


def test_upload_shows_a_preview_and_stores_nothing(chair_client, org, var_dir):
    rows = [person(1), person(2, 出生日期="1975-02-30")]
    response = upload(chair_client, org, xlsx(rows))
    assert response.status_code == 200
    assert "1975-02-30" in response.text and "出生日期" in response.text
    assert "导入这 1 行" in response.text
    assert Member.objects.count() == 0
    assert list((var_dir / "member-uploads").glob("*.bin"))
    assert token_of(response) not in response.request["PATH_INFO"]


def test_confirm_imports_the_good_rows(chair_client, org):
    token = token_of(upload(chair_client, org, xlsx([person(1), person(2, 出生日期="1975-02-30")])))
    response = chair_client.post(
        reverse("members:import_confirm", args=[org.pk]), {"token": token, "confirm": "1"}
    )
    assert response.status_code == 302
    assert list(Member.objects.values_list("name", flat=True)) == ["会员1"]
    assert (
        uploads.rosters().load(token, org_id=org.pk, user_id=response.wsgi_request.user.pk) is None
    )


def test_cancel_imports_nothing(chair_client, org):
    token = token_of(upload(chair_client, org, xlsx([person(1)])))
    chair_client.post(
        reverse("members:import_confirm", args=[org.pk]), {"token": token, "cancel": "1"}
    )
    assert Member.objects.count() == 0


def test_a_token_of_someone_else_does_nothing(client, chair_client, make_user, org):
    token = token_of(upload(chair_client, org, xlsx([person(1)])))
    client.force_login(make_user(org, "committee"))
    response = client.post(reverse("members:import_confirm", args=[org.pk]), {"token": token})
    assert response.status_code == 302 and Member.objects.count() == 0


@pytest.mark.parametrize("token", ["", "../../etc/passwd", "x" * 32])
def test_bad_tokens_do_nothing(chair_client, org, token):
    response = chair_client.post(reverse("members:import_confirm", args=[org.pk]), {"token": token})
    assert response.status_code == 302 and Member.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"%PDF-1.7 not a roster", "名册.xlsx", "电子表格"),
        (xlsx([], header=["编号"]), "名册.xlsx", "姓名"),
        (b"", "empty.csv", "空"),
    ],
)
def test_bad_files_get_a_message_on_the_form(chair_client, org, data, name, words):
    MemberFactory(organization=org)
    response = upload(chair_client, org, data, name)
    assert response.status_code == 200
    assert words in response.text
    assert Member.objects.count() == 1


def test_many_bad_rows_make_a_short_page(chair_client, org):
    rows = [person(n, 出生日期="1975-02-30") for n in range(1, 1001)]
    response = upload(chair_client, org, xlsx(rows))
    assert "问题汇总" in response.text and "只列出前 200 个问题" in response.text
    assert response.text.count('<tr><td class="num">') <= 201


def test_viewer_cannot_import(client, viewer, org):
    client.force_login(viewer)
    assert client.get(reverse("members:import", args=[org.pk])).status_code == 404
    assert upload(client, org, xlsx([person(1)])).status_code == 404
    assert Member.objects.count() == 0


def test_a_csv_cell_over_128_kib_gets_a_message_not_a_server_error(chair_client, org):
    rows = [person(1), person(2, 备注="很长" * 70_000)]
    header = [*rows[0].keys(), "备注"]
    response = upload(chair_client, org, csv_bytes(rows, header=header), "名册.csv")
    assert response.status_code == 200
    assert "内容过长（超过128 KB）" in response.text
    assert Member.objects.count() == 0


def test_a_department_wider_than_the_registry_is_a_row_problem(chair_client, org):
    response = upload(chair_client, org, xlsx([person(1), person(2, 部门="部" * 101)]))
    assert response.status_code == 200
    assert "内容过长（101字，最多100字）" in response.text
    assert "导入这 1 行" in response.text


def test_the_roster_text_limits_are_the_registry_columns():
    from unionplan.roster.reader import TEXT_LIMITS

    for name, limit in TEXT_LIMITS.items():
        assert Member._meta.get_field(name).max_length == limit, name


def test_a_large_import_runs_as_a_job_and_its_page_tells_the_outcome(chair_client, org, settings):
    settings.BACKGROUND_ROWS = 2
    token = token_of(upload(chair_client, org, xlsx([person(n) for n in range(1, 4)])))
    response = chair_client.post(
        reverse("members:import_confirm", args=[org.pk]),
        {"token": token, "rows": "3", "confirm": "1"},
        follow=True,
    )
    job = Job.objects.get()
    assert response.redirect_chain == [(reverse("jobs:detail", args=[job.pk]), 302)]
    assert "导入完成：新增 3 人，更新 0 人，跳过有问题的 0 行。" in response.text
    assert reverse("members:list", args=[org.pk]) in response.text
    assert Member.objects.filter(organization=org).count() == 3
    assert (
        job.payload is None
        and uploads.rosters().load(token, org_id=org.pk, user_id=job.user_id) is None
    )


def test_a_retiree_listed_under_department_tuixiu_gets_the_status_hint(chair_client, org):
    rows = [person(1), person(2, 部门="退休"), person(3, 部门="离退休人员", 状态="")]
    response = upload(chair_client, org, xlsx(rows))
    assert response.status_code == 200
    assert "有 2 行的部门或职务写的是“退休”，但状态仍为“在职”（第 3、4 行）" in response.text
    calm = upload(chair_client, org, xlsx([person(4, 部门="退休", 状态="退休")]))
    assert "状态仍为“在职”" not in calm.text


def test_a_large_upload_is_checked_by_a_job_then_previewed_and_confirmed(
    chair_client, org, settings
):
    settings.BACKGROUND_CHECK_BYTES = 0
    rows = [person(1, 姓名="王芳"), person(2, 出生日期="1975-02-30")]
    response = upload(chair_client, org, xlsx(rows))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "jobs:detail", args=[job.pk]
    )
    assert Member.objects.count() == 0
    page = chair_client.get(response["Location"]).text
    assert "检查完成：可以导入 1 行，有问题 1 行。还没有保存任何数据。" in page
    review_url = reverse("members:import_review", args=[org.pk, job.pk])
    assert review_url in page and "查看检查结果" in page

    review = chair_client.get(review_url)
    assert "1975-02-30" in review.text and "导入这 1 行" in review.text
    token = review.context["token"]
    confirmed = chair_client.post(
        reverse("members:import_confirm", args=[org.pk]), {"token": token, "rows": "1"}
    )
    assert confirmed.status_code == 302
    assert list(Member.objects.values_list("name", flat=True)) == ["王芳"]


def test_a_background_check_of_a_bad_file_says_why_and_offers_a_new_upload(
    chair_client, org, settings
):
    settings.BACKGROUND_CHECK_BYTES = 0
    response = upload(chair_client, org, b"\x00\x01\x02 not a spreadsheet", "名册.xlsx")
    page = chair_client.get(response["Location"]).text
    job = Job.objects.get()
    assert job.status == Job.FAILED and job.message in page
    assert "重新上传" in page and reverse("members:import", args=[org.pk]) in page
    review = chair_client.get(reverse("members:import_review", args=[org.pk, job.pk]))
    assert review.status_code == 404


def test_nobody_else_sees_the_check_of_an_upload(client, chair_client, org, settings, make_user):
    settings.BACKGROUND_CHECK_BYTES = 0
    upload(chair_client, org, xlsx([person(1)]))
    job = Job.objects.get()
    client.force_login(make_user(org, "chair"))
    assert client.get(reverse("members:import_review", args=[org.pk, job.pk])).status_code == 404
