import pytest

from unionplan import vocab
from unionplan.text.categories import guess_category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("工会账务上交", "finance"),
        ("各类先进评比", "evaluation"),
        ("召开教代会", "democracy"),
        ("工资集体协商", "rights"),
        ("庆祝“三八”妇女节，慰问女教工", "women"),
        ("慰问70周岁以上退休老教师", "welfare"),
        ("春節送溫暖", "welfare"),
        ("迎国庆活动", "festival"),
        ("职工技能比武", "competition"),
        ("工会委员参加培训", "training"),
        ("羽毛球友谊赛", "culture"),
        ("重新整理会员资料", "organization"),
        ("完善工会博客", "publicity"),
        ("其它事项", "other"),
    ],
)
def test_guess_category(text, category):
    assert guess_category(text) == category
    assert category in vocab.codes(vocab.CATEGORIES)
