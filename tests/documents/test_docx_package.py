"""What every Word file of the app says about itself: its title, author, dates and language
are the plan's, and nothing of python-docx's template (author, 2013 dates, Mac Word, ja-JP,
preview picture, stray parts) is left in the package."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from tests.documents.plans import make_plan
from tests.documents.test_summary import sample
from unionplan.documents import write_docx
from unionplan.documents.summary import summary_bytes

TEMPLATE_TRACES = ["python-docx", "2013-12-23", "Macintosh", "ja-JP", "thumbnail"]


def plan_file(plan=None, **kwargs) -> bytes:
    out = io.BytesIO()
    write_docx(plan or make_plan(), out, **kwargs)
    return out.getvalue()


def summary_file() -> bytes:
    return summary_bytes(sample())


WRITERS = {
    "plan": (plan_file, "城关街道工会2027年工作计划", "城关街道工会"),
    "summary": (summary_file, "实验中学工会2027年度工作总结", "实验中学工会"),
}


@pytest.fixture(params=WRITERS)
def written(request):
    write, title, organization = WRITERS[request.param]
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    data = write()
    after = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    return data, title, organization, (before, after)


def package_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def test_core_properties_are_the_documents_own(written):
    data, title, organization, (before, after) = written
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert (properties.title, properties.author) == (title, organization)
    assert properties.last_modified_by == organization
    assert properties.language == "zh-CN"
    assert before <= properties.created <= after and properties.modified == properties.created
    assert properties.comments == "" and properties.revision == 1


def test_no_trace_of_the_template_is_left_in_any_part(written):
    data = written[0]
    text = package_text(data)
    for trace in TEMPLATE_TRACES:
        assert trace not in text, trace
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        app = archive.read("docProps/app.xml").decode()
    assert not {"docProps/thumbnail.jpeg", "word/stylesWithEffects.xml"} & names
    assert not [name for name in names if name.startswith("customXml/")]
    assert "<Application>unionplan" in app and f"<Company>{written[2]}</Company>" in app


def test_text_and_theme_are_simplified_chinese(written):
    document = docx.Document(io.BytesIO(written[0]))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN" and lang.get(qn("w:val")) == "zh-CN"
    theme = document.settings.element.find(qn("w:themeFontLang"))
    assert theme.get(qn("w:eastAsia")) == "zh-CN"


def test_the_file_still_opens_and_every_part_it_names_exists(written):
    with zipfile.ZipFile(io.BytesIO(written[0])) as archive:
        names = set(archive.namelist())
        types = archive.read("[Content_Types].xml").decode()
    for override in types.split('PartName="/')[1:]:
        assert override.split('"', 1)[0] in names
    assert docx.Document(io.BytesIO(written[0])).paragraphs


def test_the_signature_is_dated_with_the_plans_date_not_the_export_day():
    plan = make_plan(signed_on=dt.date(2026, 11, 3))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(plan_file(plan))).paragraphs]
    assert paragraphs[-2:] == ["城关街道工会", "2026年11月3日"]


def test_a_plan_without_a_date_gets_no_invented_date():
    paragraphs = [p.text for p in docx.Document(io.BytesIO(plan_file(make_plan()))).paragraphs]
    assert paragraphs[-1] == "城关街道工会"
    today = dt.date.today()
    assert f"{today.year}年{today.month}月{today.day}日" not in paragraphs
