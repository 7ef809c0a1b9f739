"""LibreOffice prints the 决算 as unions hand it in: one A4 landscape page per line group
(收入, 支出), the header row on each, the sign-off at the foot.

The .xlsx is converted with ``soffice --headless --convert-to pdf`` and the pages measured
with poppler's ``pdfinfo``; the first page is also rendered to PNG (``pdftoppm``) under
/tmp/shots-c for a person to look at. Where CI=true LibreOffice must be there (.ci/run
installs it); elsewhere a machine without it skips.
"""

import datetime as dt
import os
import re
import shutil
import subprocess
from decimal import Decimal

import pytest

from tests.factories import OrganizationFactory, PlanFactory, RoleFactory
from tests.funds.conftest import budgeted, spend
from unionplan.funds import final_review
from unionplan.funds.final import final_accounts
from unionplan.funds.models import FinanceYear

pytestmark = [pytest.mark.django_db, pytest.mark.render]
A4_LANDSCAPE = (841.89, 595.28)  # points
SHOTS = "/tmp/shots-c"


def _tools() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    missing = [name for name in ("pdfinfo", "pdftotext", "pdftoppm") if not shutil.which(name)]
    if soffice is None or missing:
        message = f"LibreOffice or poppler-utils missing ({soffice=}, {missing=})"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: .ci/run installs them)")
        pytest.skip(message)
    return soffice


def _to_pdf(soffice: str, xlsx, out_dir) -> str:
    profile = out_dir / "profile"  # a profile of its own: parallel runs do not share a lock
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(xlsx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return str(out_dir / (xlsx.stem + ".pdf"))


def _page_sizes(pdf: str) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    sized = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(pages), pdf], check=True, capture_output=True, text=True
    ).stdout
    found = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", sized, re.M)
    return [(float(w), float(h)) for w, h in found]


def _text(pdf, page: int) -> str:
    found = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return found.stdout


@pytest.fixture
def signed_year(db):
    """A union's year with income settings, a full plan and spending, signed off."""
    year = dt.date.today().year - 1
    org = OrganizationFactory(name="实验中学工会")
    FinanceYear.objects.create(
        organization=org, year=year, wage_base=Decimal("3600000"), wage_bill=Decimal("4200000"),
        carried_over=Decimal("12000"), typed_income={"上级补助收入": "5000"},
    )  # fmt: skip
    plan = PlanFactory(organization=org, year=year)
    for month, category, amount in [(3, "women", 3000), (5, "culture", 8000), (9, "festival", 6000),
                                    (6, "training", 2500), (10, "rights", 1500)]:  # fmt: skip
        spend(budgeted(plan, category, amount, month=month), "prize", amount * 0.9)
    auditor = RoleFactory(organization=org, role="auditor").user
    final_review.act(org, year, auditor, state="signed", name="李审计",
                     opinion="收支真实，账实相符，同意决算。", on=dt.date(year + 1, 1, 1))  # fmt: skip
    return org, year


def test_libreoffice_prints_one_a4_landscape_page_per_group(signed_year, tmp_path):
    soffice = _tools()
    org, year = signed_year
    found = final_accounts(org, year)
    xlsx = tmp_path / "final.xlsx"
    found.write(str(xlsx))
    sizes = _page_sizes(_to_pdf(soffice, xlsx, tmp_path))
    assert len(sizes) == len(found.groups) == 3  # 收入, 支出, 结余
    for width, height in sizes:
        assert (round(width), round(height)) == tuple(round(x) for x in A4_LANDSCAPE)
    second = _text(tmp_path / "final.pdf", 2)
    assert "科目" in second and "支出合计" in second  # the header repeated over the expenses
    assert "收入合计" not in second
    third = _text(tmp_path / "final.pdf", 3)
    assert "本年结余" in third and "审查人：李审计" in third
    os.makedirs(SHOTS, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(tmp_path / "final.pdf"), f"{SHOTS}/final-accounts"],
        check=True,
        timeout=60,
    )
