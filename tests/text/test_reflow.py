from unionplan.text.line import Line
from unionplan.text.reflow import display_width, reflow


def _texts(lines):
    return [line.text for line in reflow([Line.of(t) for t in lines])]


WRAPPED = [
    "2025年，院工会在院党委和县总工会的领导下，以服务职工为宗旨，围绕医院中心工作，团结",
    "动员全院职工为建设人民满意医院贡献力量。",
    "一，加强职工思想教育，组织职工学习党的创新理论和医德医风规范，开展先进典型选树宣传活",
    "动，营造比学赶超的良好氛围。",
    "二，推进院务公开和民主管理，坚持每年召开职工代表大会，审议医院重大事项和涉及职工切身",
    "利益的规章制度。",
]


def test_hard_wrapped_lines_are_joined_but_not_across_a_heading():
    assert _texts(WRAPPED) == [
        WRAPPED[0] + WRAPPED[1],
        WRAPPED[2] + WRAPPED[3],
        WRAPPED[4] + WRAPPED[5],
    ]


def test_numbered_lines_of_one_width_stay_apart():
    lines = [
        f"{i}、开展第{i}项职工文体活动并做好宣传报道工作组织好全体会员参加" for i in range(1, 5)
    ]
    assert _texts(lines) == lines


def test_lines_of_few_widths_near_the_widest_are_not_a_wrapped_page():
    lines = ["开展职工文体活动并做好宣传报道工作组织好全体会员积极参加各项比赛"]
    lines += [
        "活动经费由工会统一安排，专款专用。",
        "各分会要认真组织。",
        "确保活动安全有序开展。",
    ] * 3
    assert _texts(lines) == lines


def test_a_page_number_at_the_end_of_a_line_is_removed_and_the_sentence_joined():
    head = "不断健全完善基层工会组织建设，坚持依靠全场职工，不断创新，大胆实践，建立健全各 1"
    assert _texts([head, "项制度，有效地维护职工合法权益。"]) == [
        "不断健全完善基层工会组织建设，坚持依靠全场职工，不断创新，大胆实践，建立健全各项制度，有效地维护职工合法权益。"
    ]


def test_a_flattened_line_is_cut_before_its_headings_and_months():
    flat = ("某单位工会2023年工作要点 2023年是开局之年，总体思路是：围 绕中心任务，服务职工群众，推动工会工作高质量发展。"
            " 一、履行政治责任，以深入学习宣传贯彻党的二十大精神为 主线担当作为 1.突出政治引领。通过岗位讲述等形式引导职工。"
            " 2.突出思想引领。组织劳模工匠座谈会。 三月份：开展女职工活动 四月份：举办职工运动会。")  # fmt: skip
    pieces = reflow([Line.of(flat)])
    assert [p.text[:6] for p in pieces] == [
        "某单位工会2",
        "一、履行政治",
        "1.突出政治",
        "2.突出思想",
        "三月份：开展",
        "四月份：举办",
    ]
    assert all(p.flat for p in pieces)


def test_display_width_counts_hanzi_twice():
    assert display_width("工会ab") == 6


def test_a_heading_that_ends_long_before_its_line_gets_its_break_back():
    flat = (
        "总体要求是：坚持以服务职工为中心，团结动员广大职工建功立业。 一、加强思想政治引领 深入开展主题教育，"
        "组织劳模工匠进企业宣讲，引导职工坚定理想信念，做到有计划、有载体、有实效。 二、深化劳动竞赛 围绕重大工程开展劳动竞赛，"
        "举办全市职工职业技能大赛，推动职工技能提升，培养更多高技能人才和大国工匠，为全市高质量发展贡献力量。"
    )
    texts = [p.text for p in reflow([Line.of(flat)])]
    assert texts[1:3] == [
        "一、加强思想政治引领",
        "深入开展主题教育，组织劳模工匠进企业宣讲，引导职工坚定理想信念，做到有计划、有载体、有实效。",
    ]


def test_a_heading_wrapped_at_the_page_width_keeps_its_words():
    flat = (
        "团结动员广大职工在推进中建功立 业、展现作为。 一、履行政治责任，以深入学习宣传贯彻党的二十大精神为 主线担当作为"
        " 1.突出政治引领。通过岗位讲述、职工诵读等形式引导职工 深刻领会党的二十大提出的新思想，坚定不移听党话、跟党走。"
        " 2.突出思想引领。以主题宣传教育为主线，组织劳模工匠座谈会，大力弘扬劳模精神、劳动精神、工匠 精神。"
    )
    texts = [p.text for p in reflow([Line.of(flat)])]
    assert texts[1] == "一、履行政治责任，以深入学习宣传贯彻党的二十大精神为 主线担当作为"
