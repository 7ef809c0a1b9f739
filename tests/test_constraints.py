"""constraints.txt pins every dependency, and agrees with pyproject.toml's own pins."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines) -> dict[str, str]:
    found = {}
    for line in lines:
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;#]+)", line)
        if match:
            found.setdefault(normal(match[1]), match[2])
    return found


def test_every_pin_of_pyproject_is_in_constraints_at_the_same_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = pins([*project["dependencies"], *project["optional-dependencies"]["dev"]])
    locked = pins((ROOT / "constraints.txt").read_text().splitlines())
    assert wanted, "pyproject.toml pins nothing?"
    differing = {n: (v, locked.get(n)) for n, v in wanted.items() if locked.get(n) != v}
    assert differing == {}, "run `make lock` after changing pyproject.toml"


def test_constraints_pin_the_transitive_dependencies_too():
    locked = pins((ROOT / "constraints.txt").read_text().splitlines())
    for transitive in ("asgiref", "sqlparse", "lxml", "numpy", "pillow", "et-xmlfile"):
        assert transitive in locked
