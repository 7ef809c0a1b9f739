import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import PlanFactory, ScheduleItemFactory

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x01" * 2000
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 2000


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploads go to a temporary MEDIA_ROOT, so tests can count the files left on disk."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, year=2027)


@pytest.fixture
def item(plan):
    return ScheduleItemFactory(plan=plan, month=3, text="三八妇女节女职工活动", category="women")


def jpeg(name="合影.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, JPEG, content_type="image/jpeg")


def exe_as_jpg() -> SimpleUploadedFile:
    return SimpleUploadedFile("photo.jpg", EXE, content_type="image/jpeg")


def docx_upload(name="签到表.docx") -> SimpleUploadedFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return SimpleUploadedFile(name, out.getvalue())
