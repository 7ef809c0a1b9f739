import pytest

from unionplan.text.scoring import Counts, normalise, score_corpus, score_document, similar


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("1、慶祝“三八”婦女節，慰問女教工。", "庆祝三八妇女节慰问女教工"),
        ("（一）夯实基础,强化建设", "夯实基础强化建设"),
        ("一、指导思想:", "指导思想"),
        ("科學發(fā)展觀", "科学发展观"),
        ("5.12护士节---硬笔书法", "512护士节硬笔书法"),
    ],
)
def test_normalise(text, normal):
    assert normalise(text) == normal


def test_similar_at_the_threshold():
    assert similar("学校百年校庆庆祝活动", "学校百年校庆庆祝活动")
    assert similar("abcdefghij", "abcdefghXY")  # ratio 0.8
    assert not similar("abcdefghij", "abcdefgXYZ")


def test_counts_f1():
    assert Counts(8, 10, 8).f1 == pytest.approx(2 * 0.8 * 1 / 1.8)
    assert Counts(0, 0, 0).f1 == 1.0
    assert Counts(0, 3, 0).f1 == 0.0


GOLD = {
    "plans": [
        {
            "sections": ["指导思想", "工作目标"],
            "schedule": [{"month": 7, "months": [7, 8], "items": ["协助学校做好校庆筹备工作"]}],
            "targets": [{"text": "不少于4次集中培训", "value": 4, "unit": "次"}],
        }
    ]
}


def _predicted(month=7, value=4, unit="次", sections=("一、指导思想：", "二、工作目标")):
    return {
        "plans": [
            {
                "sections": [{"title": title} for title in sections],
                "schedule": [{"month": month, "items": [{"text": "1、協助學校做好校慶籌備工作"}]}],
                "targets": [{"text": "不少於4次集中培訓", "value": value, "unit": unit}],
            }
        ]
    }


def _f1s(predicted):
    return {k: v.f1 for k, v in score_document(predicted, GOLD).items()}


def test_a_perfect_parse_scores_one():
    assert _f1s(_predicted()) == {"sections": 1.0, "schedule": 1.0, "targets": 1.0}


@pytest.mark.parametrize(
    ("predicted", "category"),
    [
        (_predicted(month=8), "schedule"),
        (_predicted(value=5), "targets"),
        (_predicted(unit="场"), "targets"),
        (_predicted(sections=("指导思想", "保障措施")), "sections"),
    ],
)
def test_a_wrong_month_value_unit_or_title_loses(predicted, category):
    assert _f1s(predicted)[category] < 1.0


def test_range_values_compare_as_lists():
    gold = {"plans": [{"targets": [{"text": "1—2期培训", "value": [1, 2], "unit": "期"}]}]}
    pred = {"plans": [{"targets": [{"text": "1-2期培训", "value": [1, 2], "unit": "期"}]}]}
    assert score_document(pred, gold)["targets"].matched == 1


def test_matching_is_one_to_one_and_summed_over_documents():
    gold = {"plans": [{"sections": ["甲乙丙丁"]}]}
    pred = {"plans": [{"sections": [{"title": "甲乙丙丁"}, {"title": "甲乙丙丁"}]}]}
    total = score_corpus([(pred, gold), (pred, gold)])["sections"]
    assert (total.matched, total.predicted, total.expected) == (2, 4, 2)
