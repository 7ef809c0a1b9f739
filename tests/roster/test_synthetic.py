"""The benchmark data generator: valid, unique, reproducible, and readable as a roster."""

from datetime import date

from bench.synthetic import iter_federation, iter_unions, write_roster_file
from unionplan.idcard import parse_id_number
from unionplan.roster import read_roster


def test_federation_members_have_valid_unique_ids():
    members = list(iter_federation(unions=10, members=3000, seed=1))
    assert len(members) == 3000
    assert {m.union for m in members} == set(range(10))
    assert len({m.id_number for m in members}) == 3000
    for member in members[:500]:
        info = parse_id_number(member.id_number)
        assert (info.birth_date, info.gender) == (member.birth_date, member.gender)
    assert {m.status for m in members} == {"active", "retired", "left"}
    assert any(m.children for m in members) and any("困难职工" in m.tags for m in members)


def test_same_seed_same_data():
    first = [m.id_number for m in iter_federation(unions=3, members=50, seed=9)]
    assert first == [m.id_number for m in iter_federation(unions=3, members=50, seed=9)]
    assert first != [m.id_number for m in iter_federation(unions=3, members=50, seed=10)]


def test_union_regions_are_distinct():
    regions = [u.region for u in iter_unions(1000)]
    assert len(set(regions)) == 1000


def test_generated_roster_reads_back_clean(tmp_path):
    path = write_roster_file(tmp_path / "r.xlsx", count=300)
    report = read_roster(path, today=date(2025, 1, 1))
    assert report.ok and len(report.rows) == 300
