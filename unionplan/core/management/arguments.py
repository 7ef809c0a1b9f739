"""argparse's own complaints in Chinese.

argparse words its errors in English ("the following arguments are required: --org"); a
union cadre at the command line should read 缺少必需的参数：--org. The patterns are those of
Python 3.11's argparse; a message none of them matches is passed on as it is, so a new
wording in a later Python still reaches the user.
"""

from __future__ import annotations

import re

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (r"the following arguments are required: (?P<a>.+)", "缺少必需的参数：{a}"),
    (r"unrecognized arguments: (?P<a>.+)", "无法识别的参数：{a}"),
    (r"one of the arguments (?P<a>.+) is required", "须给出以下参数之一：{a}"),
    (r"ambiguous option: (?P<a>\S+) could match (?P<b>.+)", "参数 {a} 有歧义，可能是：{b}"),
    (
        r"argument (?P<a>\S+?): invalid (?:int|float|Decimal) value: '(?P<v>.*)'",
        "参数 {a} 的值“{v}”不是数字",
    ),
    (
        r"argument (?P<a>\S+?): invalid choice: '(?P<v>.*)' \(choose from (?P<c>.+)\)",
        "参数 {a} 的值“{v}”无效，可选：{c}",
    ),
    (r"argument (?P<a>\S+?): invalid \S+ value: '(?P<v>.*)'", "参数 {a} 的值“{v}”无效"),
    (r"argument (?P<a>\S+?): expected one argument", "参数 {a} 后面须跟一个值"),
    (r"argument (?P<a>\S+?): expected at least one argument", "参数 {a} 后面至少须跟一个值"),
    (r"argument (?P<a>\S+?): expected (?P<n>\d+) arguments", "参数 {a} 后面须跟 {n} 个值"),
    (r"argument (?P<a>\S+?): not allowed with argument (?P<b>\S+)", "参数 {a} 不能与 {b} 同时使用"),
    (r"argument (?P<a>\S+?): ignored explicit argument '(?P<v>.*)'", "参数 {a} 不接受值“{v}”"),
    (r"argument (?P<a>\S+?): (?P<why>.+)", "参数 {a}：{why}"),
]
_COMPILED = [(re.compile(rf"^{pattern}$", re.S), words) for pattern, words in _PATTERNS]


def in_chinese(message: str) -> str:
    """``message`` from argparse in Chinese, or unchanged when its wording is not known."""
    for pattern, words in _COMPILED:
        if found := pattern.match(message):
            return words.format(**found.groupdict())
    return message
