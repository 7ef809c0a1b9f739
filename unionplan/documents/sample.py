"""A complete sample plan (a school union, after 篇三 of the corpus) for looking at output.

Used to render the writers' files by eye and by the benchmarks; budgets, owners, scopes
and dates were added by hand to what the real plan says. ``python -m
unionplan.documents.sample DIR`` writes the .docx, .xlsx and .ics into DIR.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

from unionplan.plan.data import ItemData, PlanData, SectionData, TargetData


def sample_plan() -> PlanData:
    """篇三: a school union's 2017 plan, with the month table filled in."""
    return PlanData(
        title="实验小学工会2017年工作计划",
        year=2017,
        organization="实验小学工会委员会",
        guiding_ideas=(
            "坚持以科学发展观为指导，深入学习贯彻党的全心全意依靠工人阶级的指导方针，"
            "落实区教育工会部署，围绕教育教学中心工作，树立服务意识，全面履行工会职能，"
            "团结动员全体教职工为我校教育事业的发展作出新的更大的贡献。"
        ),
        sections=[
            SectionData(
                title="工作目标",
                body=(
                    "努力完成区教育工会提出的各项工作任务，全面提高教职工政治和业务素质，"
                    "加强师德建设，切实加强学校民主管理，维护教职工的合法权益。积极开展形式"
                    "多样的工会活动，丰富广大教职工的业余生活，争创区“优秀教工之家”。"
                ),
                targets=[
                    TargetData("全年组织集中学习不少于4次", ">=", Decimal(4), unit="次"),
                    TargetData("教代会提案答复率达到100%", "=", Decimal(100), unit="%"),
                ],
            ),
            SectionData(
                title="主要工作",
                children=[
                    SectionData(
                        title="组织广大教职工深入学习理论，提高政治素质。",
                        children=[
                            SectionData(
                                title="配合学校党总支、行政，组织教职工学习新的《工会章程》"
                                "和《中小学教师职业道德规范》。"
                            ),
                            SectionData(
                                title="认真学习新时期工会工作的重大理论观点，不断提高依法治会、"
                                "依法维权的自觉性。"
                            ),
                        ],
                    ),
                    SectionData(
                        title="开展多项活动，促进教师业务素质的提高。",
                        body=(
                            "继续开展教学基本功竞赛、教学五认真评比等活动，促进广大中青年教师"
                            "参加岗位练兵。加强对“师徒结对”活动的跟踪管理，帮助青年教师提高"
                            "教学业务水平。"
                        ),
                        targets=[TargetData("师徒结对不少于10对", ">=", Decimal(10), unit="对")],
                    ),
                    SectionData(
                        title="切实加强学校民主管理，全面落实“依靠方针”。",
                        children=[
                            SectionData(
                                title="健全教代会制度。",
                                body=(
                                    "探索和推广采用票决制方式通过教代会审议的办法，抓好教代会的"
                                    "提案工作，加强对提案落实工作的督查。"
                                ),
                                children=[
                                    SectionData(title="每学期召开一次教代会。"),
                                    SectionData(title="提案办理结果在校务公开栏公布。"),
                                ],
                            ),
                            SectionData(
                                title="深化校务公开。",
                                body="积极实行校务公开工作年度报告制度，及时更换校务公开栏。",
                            ),
                        ],
                    ),
                ],
            ),
            SectionData(title="主要活动安排"),
        ],
        items=_items(),
    )


def _item(text, month, *, end=None, date=None, until=None, scope="", owner="", budget=None):
    return ItemData(
        text=text,
        month=month,
        end_month=end,
        date=date,
        end_date=until,
        scope=scope,
        owner=owner,
        budget=Decimal(budget) if budget is not None else None,
        category="other",
    )


def _items() -> list[ItemData]:
    d = dt.date
    return [
        _item("庆元旦活动", 1, date=d(2017, 1, 1), scope="全体教职工", owner="王芳", budget=3000),
        _item("慰问70周岁以上退休老教师", 1, scope="70周岁以上退休教师", owner="李明", budget=2800),
        _item("妇女用品发放", 1, scope="女教职工", owner="王芳", budget=1500),
        _item("慰问生病、家庭困难的教师", 2, scope="困难教职工", owner="李明", budget=4000),
        _item("重新整理会员资料", 2, owner="张强"),
        _item(
            "庆祝“三八”妇女节，慰问女教工，开展女工活动",
            3,
            date=d(2017, 3, 8),
            scope="女教职工",
            owner="王芳",
            budget="2500.50",
        ),
        _item("定期组织教师进行健身活动", 3, scope="全体教职工", owner="赵伟", budget=1200),
        _item("学校读书节、体育节的筹备工作", 4, owner="张强"),
        _item("与兄弟学校进行校际羽毛球友谊赛", 5, scope="羽毛球爱好者", owner="赵伟", budget=800),
        _item(
            "庆祝“五一”劳动节和“端午节”慰问活动",
            5,
            date=d(2017, 5, 30),
            scope="全体教职工",
            owner="李明",
            budget=6000,
        ),
        _item("召开教代会，征求教职工的合理化建议", 6, scope="教代会代表", owner="张强"),
        _item("协助学校做好百年校庆的筹备工作", 7, end=8, owner="张强"),
        _item("组织工会委员参加工会工作培训", 7, end=8, scope="工会委员", budget=1600),
        _item(
            "“教师节”庆祝活动（在职、退休）",
            9,
            date=d(2017, 9, 10),
            scope="全体教职工、退休教师",
            owner="王芳",
            budget=5000,
        ),
        _item(
            "学校百年校庆庆祝活动",
            10,
            date=d(2017, 10, 13),
            until=d(2017, 10, 15),
            scope="全体教职工",
            owner="张强",
            budget=10000,
        ),
        _item("重阳节老教师慰问活动", 10, date=d(2017, 10, 28), scope="退休教师", budget=3500),
        _item("举行教师健美操比赛", 11, date=d(2017, 11, 29), until=d(2017, 12, 1), budget=2000),
        _item("各类先进评比", 12, owner="张强"),
        _item("工会账务上交", 12, owner="李明"),
    ]


def main(argv: list[str]) -> None:
    # The writers (python-docx, openpyxl) load only when run as a script: the benchmarks
    # import the sample plan alone.
    from unionplan.documents import write_docx, write_ics, write_xlsx

    folder = Path(argv[0] if argv else ".")
    folder.mkdir(parents=True, exist_ok=True)
    plan = sample_plan()
    write_docx(plan, folder / "sample.docx", signed_on=dt.date(2017, 1, 6))
    write_xlsx(plan, folder / "sample.xlsx")
    write_ics(plan, folder / "sample.ics")


if __name__ == "__main__":
    main(sys.argv[1:])
