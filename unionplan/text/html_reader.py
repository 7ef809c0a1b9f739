"""Lines and tables of an HTML page, read by a small tokenizer of our own.

Block elements and <br> end lines; <li> of an <ol> get their number written out (1、), since
the browser would show it; tables become rows of cell texts. Scripts, styles and navigation
are left out; so are comments, declarations and text between table cells.

Why not beautifulsoup or the standard html.parser: both are super-linear on hostile or merely
sloppy markup. html.parser retries every unclosed "<a " up to the end of the page (60 KB took
36 s on Python 3.11), bs4's tree builder slows down with the number of open tags and nests
unclosed <li>/<div> until Python's recursion limit. Here one regular expression cuts the page
into tokens, none of which can reach past the next "<", so each character is read a bounded
number of times; no tree is built, only the few open things that matter are kept: the element
being skipped, the open lists, the open table with its row and cell.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from unionplan.text.blocks import Block, Table, text_blocks

_SKIP = {"script", "style", "noscript", "template", "head", "nav", "iframe", "svg", "button"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3",
    "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "tr", "br",
    "hr", "center", "form", "fieldset", "address", "figure", "figcaption", "body", "html",
}  # fmt: skip
_CELLS = ("td", "th")
# Inside a table cell these end a line (and <br>); other elements run on, as bs4 read them.
_CELL_BREAKS = ("p", "div", "li", "tr")
# Elements whose content is raw text up to their end tag ("<" in a script is not a tag).
_RAW_TEXT = {
    name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in ("script", "style")
}
# Possessive (*+) attribute list: it never backtracks, and no alternative crosses a "<".
_TOKEN_RE = re.compile(
    r"(?P<text>[^<]+(?:<(?![a-zA-Z/!?])[^<]*)*)"
    r"|(?P<comment><!--)"
    r"|<(?P<close>/?)(?P<name>[a-zA-Z][^\s/<>]*)"
    r"(?P<attrs>(?:\"[^\"<]*\"|'[^'<]*'|[^<>])*+)>"
    r"|(?P<declaration><[!?/][^<>]*>)"
    r"|(?P<stray><)"
)
_ROWSPAN_RE = re.compile(r"(?:^|\s)rowspan\s*=\s*[\"']?\s*(\d{1,6})", re.IGNORECASE)
_COLSPAN_RE = re.compile(r"(?:^|\s)colspan\s*=\s*[\"']?\s*(\d{1,6})", re.IGNORECASE)
_MAX_ROWSPAN, _MAX_COLSPAN = 1000, 50  # beyond them a span is a mistake, not a layout
_START_RE = re.compile(r"(?:^|\s)start\s*=\s*[\"']?\s*([+-]?\d{1,9})\b", re.IGNORECASE)


def html_blocks(markup: str) -> list[Block]:
    """The page as lines and tables, in reading order."""
    reader = _Reader()
    markup = markup.replace("\r\n", "\n").replace("\r", "\n")
    position, size = 0, len(markup)
    while position < size:
        token = _TOKEN_RE.match(markup, position)
        assert token is not None  # the last alternative matches any "<"
        position = token.end()
        if token.lastgroup == "text" or token.lastgroup == "stray":
            reader.text(html.unescape(token.group()) if "&" in token.group() else token.group())
        elif token.lastgroup == "comment":
            end = markup.find("-->", position)
            position = size if end < 0 else end + 3
        elif token.group("name"):
            position = _tag(reader, token, markup, position)
    reader.finish()
    return reader.blocks


def _tag(reader: _Reader, token: re.Match[str], markup: str, position: int) -> int:
    """Hand a start or end tag to the reader; the position after it (raw text skipped)."""
    name = token.group("name").lower()
    if token.group("close"):
        reader.end(name)
        return position
    attrs = token.group("attrs")
    reader.start(name, attrs)
    if attrs.endswith("/"):
        reader.end(name)
    if name in _RAW_TEXT:
        end = _RAW_TEXT[name].search(markup, position)
        return end.start() if end else len(markup)
    return position


@dataclass
class _OpenTable:
    """The outermost open table: finished rows, the row and the cell being read.

    Merged cells are expanded into the grid they cover: a month cell with rowspan="3" gives
    its month to each of the three rows (without it the rows under it lose their month), a
    colspan="2" cell takes both columns (its text in the first), so every row has its cells
    in their columns.
    """

    rows: list[list[str]] = field(default_factory=list)
    row: list[str] | None = None
    cell: list[str] | None = None
    span: tuple[int, int] = (1, 1)  # rowspan and colspan of the cell being read
    nested: int = 0  # tables inside it: their text joins the outer cell
    carried: dict[int, tuple[str, int]] = field(default_factory=dict)  # column -> text, rows

    def start_cell(self, attrs: str) -> None:
        self.end_cell()
        self.cell = []
        self.span = (
            _span(_ROWSPAN_RE, attrs, _MAX_ROWSPAN),
            _span(_COLSPAN_RE, attrs, _MAX_COLSPAN),
        )

    def end_cell(self) -> None:
        if self.cell is not None:
            if self.row is None:
                self.row = []
            self._fill_carried()
            text = _cell_text("".join(self.cell))
            rowspan, colspan = self.span
            for index in range(colspan):  # the text in its first column, the others blank
                shown = text if index == 0 else ""
                if rowspan > 1:
                    self.carried[len(self.row)] = (shown, rowspan - 1)
                self.row.append(shown)
            self.cell, self.span = None, (1, 1)

    def end_row(self) -> None:
        self.end_cell()
        if self.row is not None:
            self._fill_carried(last=True)
            if any(self.row):
                self.rows.append(self.row)
        self.row = None

    def _fill_carried(self, *, last: bool = False) -> None:
        """Put the text of cells merged from the rows above into their columns of this row."""
        assert self.row is not None
        while len(self.row) in self.carried or (last and self._carried_after(len(self.row))):
            column = len(self.row)
            text, rows = self.carried.pop(column, ("", 0))
            if rows > 1:
                self.carried[column] = (text, rows - 1)
            self.row.append(text)

    def _carried_after(self, column: int) -> bool:
        return any(c >= column for c in self.carried)


@dataclass
class _List:
    ordered: bool
    next_number: int


class _Reader:
    """Receives text and tags in document order and builds the blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lines: list[str] = []
        self.buffer: list[str] = []
        self.skip: str | None = None
        self.skip_depth = 0
        self.lists: list[_List] = []
        self.open_lists = {True: 0, False: 0}
        self.table: _OpenTable | None = None

    # --- text -------------------------------------------------------------------------------

    def text(self, data: str) -> None:
        if self.skip is not None:
            return
        if self.table is not None:
            if self.table.cell is not None:
                self.table.cell.append(data)  # a cell keeps its line breaks, as bs4 did
            return  # text between cells is not shown as part of the table
        self.buffer.append(data.replace("\n", " "))

    def flush(self) -> None:
        """End the current line(s) of running text."""
        text = "".join(self.buffer)
        self.buffer = []
        self.lines.extend(line.strip() for line in text.split("\n") if line.strip())

    def end_lines(self) -> None:
        """Hand the lines collected so far over as blocks (|-rows become tables)."""
        self.blocks.extend(text_blocks(self.lines))
        self.lines = []

    def finish(self) -> None:
        """The page ended: close what is still open."""
        if self.table is not None:
            self._close_table()
        self.flush()
        self.end_lines()

    # --- tags -------------------------------------------------------------------------------

    def start(self, name: str, attrs: str) -> None:
        if self.skip is not None:
            if name == self.skip:
                self.skip_depth += 1
            elif name == "body" and self.skip == "head":  # </head> was left out
                self.skip = None
            return
        if name in _SKIP:
            self.skip, self.skip_depth = name, 1
        elif name == "table":
            self._open_table()
        elif self.table is not None and name in ("tr", *_CELLS):
            self._table_tag(name, starts=True, attrs=attrs)
        elif name == "br":
            if self.table is not None:
                self.text("\n")
            else:
                self.buffer.append("\n")  # not through text(), which makes source breaks spaces
        elif name in _BLOCK:
            if name in ("ol", "ul"):
                self._open_list(name == "ol", attrs)
            if self.table is None:  # in a cell only the end of a block breaks the line
                self.flush()
                if name == "li":
                    self.text(self._list_number())

    def end(self, name: str) -> None:
        if self.skip is not None:
            if name == self.skip:
                self.skip_depth -= 1
                if not self.skip_depth:
                    self.skip = None
            return
        if name == "table":
            self._end_table()
        elif self.table is not None and name in ("tr", *_CELLS):
            self._table_tag(name, starts=False)
        elif name in _BLOCK:
            if name in ("ol", "ul"):
                self._close_list(name == "ol")
            if self.table is None:
                self.flush()
            elif name in _CELL_BREAKS:
                self.text("\n")

    # --- lists ------------------------------------------------------------------------------

    def _open_list(self, ordered: bool, attrs: str) -> None:
        match = _START_RE.search(attrs) if ordered else None
        self.lists.append(_List(ordered, int(match.group(1)) if match else 1))
        self.open_lists[ordered] += 1

    def _close_list(self, ordered: bool) -> None:
        """Close the innermost list of this kind and any left open inside it."""
        if not self.open_lists[ordered]:
            return  # a stray </ol>
        while self.lists:
            closed = self.lists.pop()
            self.open_lists[closed.ordered] -= 1
            if closed.ordered == ordered:
                return

    def _list_number(self) -> str:
        if not self.lists or not self.lists[-1].ordered:
            return ""
        number = self.lists[-1].next_number
        self.lists[-1].next_number += 1
        return f"{number}、"

    # --- tables -----------------------------------------------------------------------------

    def _open_table(self) -> None:
        if self.table is not None:
            self.table.nested += 1
            self.text("\n")
            return
        self.flush()
        self.end_lines()
        self.table = _OpenTable()

    def _table_tag(self, name: str, *, starts: bool, attrs: str = "") -> None:
        """<tr>, <td>, <th> or their end: a new row or cell ends the one before (as in HTML,
        where </td> and </tr> may be left out); in a nested table they only break lines."""
        assert self.table is not None
        if self.table.nested:
            self.text("\n")
        elif name == "tr":
            self.table.end_row()
        elif starts:
            self.table.start_cell(attrs)
        else:
            self.table.end_cell()

    def _end_table(self) -> None:
        if self.table is None:
            return  # a stray </table>
        if self.table.nested:
            self.table.nested -= 1
            self.text("\n")
            return
        self._close_table()

    def _close_table(self) -> None:
        assert self.table is not None
        self.table.end_row()
        self.blocks.append(Table(self.table.rows))
        self.table = None


def _span(pattern: re.Pattern[str], attrs: str, maximum: int) -> int:
    match = pattern.search(attrs)
    return min(max(int(match.group(1)), 1), maximum) if match else 1


def _cell_text(text: str) -> str:
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
