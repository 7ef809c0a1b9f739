import io
import zipfile

import docx
import openpyxl
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


def office_bytes(kind: str = "docx") -> bytes:
    """A real Word (python-docx) or Excel (openpyxl) file, as a cadre would attach."""
    out = io.BytesIO()
    if kind == "docx":
        document = docx.Document()
        document.add_paragraph("签到表")
        document.save(out)
    else:
        openpyxl.Workbook().save(out)
    return out.getvalue()


def docx_upload(name="签到表.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, office_bytes("docx"))


def xlsx_as_docx() -> SimpleUploadedFile:
    return SimpleUploadedFile("活动总结.docx", office_bytes("xlsx"))


def zip_bomb_docx() -> bytes:
    """A .docx of about 1 MB whose picture unpacks to 1 GiB of zeros."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(office_bytes("docx"))) as real,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for member in real.infolist():
            bomb.writestr(member.filename, real.read(member))
        with bomb.open("word/media/image1.png", "w", force_zip64=True) as picture:
            zeros = bytes(1 << 20)
            for _ in range(1024):
                picture.write(zeros)
    return out.getvalue()
