"""Fund rules (经费规则): the provinces' caps on welfare given to members, as data, and the check.

A pure library (no Django). Each province's implementing rules of 《基层工会经费收支管理办法》
are one TOML file per version under ``packs/`` (``anhui-2018.toml``…), citing their document
and marked ``待核对`` until an operator confirms the figures against the official text. An
operator folder (``UNIONPLAN_FUND_RULES_DIR``) adds packs or replaces shipped ones by id.

- :func:`load_packs` reads and validates every pack (Chinese messages on a broken file);
- :func:`pack_in_force` chooses the pack of a province on a date;
- :func:`check` decides whether one gift is allowed, given what the member already had;
- :func:`qualify` says which of a rule's conditions on the person (会籍, 会费, fund base,
  secondment) a member fails.
"""

from unionplan.fundrules.checking import Decision, Given, check
from unionplan.fundrules.packs import (
    FREQUENCIES,
    KINDS,
    Pack,
    Rule,
    load_pack_file,
    load_packs,
    normalize_province,
    pack_in_force,
)
from unionplan.fundrules.qualifying import CONDITIONS, Qualification, Standing, qualify

__all__ = [
    "CONDITIONS",
    "FREQUENCIES",
    "KINDS",
    "Decision",
    "Given",
    "Pack",
    "Qualification",
    "Rule",
    "Standing",
    "check",
    "load_pack_file",
    "load_packs",
    "normalize_province",
    "pack_in_force",
    "qualify",
]
