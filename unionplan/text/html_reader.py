"""Lines and tables of an HTML page (beautifulsoup4 with the standard html.parser).

Block elements and <br> end lines; <li> of an <ol> get their number written out (1、), since
the browser would show it; tables become rows of cell texts. Scripts, styles and navigation
are left out.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from unionplan.text.blocks import Block, Table, text_blocks

_SKIP = {"script", "style", "noscript", "template", "head", "nav", "iframe", "svg", "button"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3",
    "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "tr", "br",
    "hr", "center", "form", "fieldset", "address", "figure", "figcaption", "body", "html",
}  # fmt: skip


def html_blocks(markup: str) -> list[Block]:
    """The page as lines and tables, in reading order."""
    soup = BeautifulSoup(markup, "html.parser")
    reader = _Reader()
    reader.walk(soup)
    reader.flush()
    reader.end_lines()
    return reader.blocks


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lines: list[str] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        """End the current line(s) of running text."""
        text = "".join(self.buffer)
        self.buffer = []
        self.lines.extend(line.strip() for line in text.split("\n") if line.strip())

    def end_lines(self) -> None:
        """Hand the lines collected so far over as blocks (|-rows become tables)."""
        self.blocks.extend(text_blocks(self.lines))
        self.lines = []

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not a comment, doctype or CDATA
                    self.buffer.append(" ".join(str(child).split("\n")))
            elif isinstance(child, Tag):
                self.element(child)

    def element(self, tag: Tag) -> None:
        name = tag.name.lower()
        if name in _SKIP:
            return
        if name == "table":
            self.flush()
            self.end_lines()
            self.blocks.append(Table(_table_rows(tag)))
            return
        if name == "br":
            self.buffer.append("\n")
            return
        if name not in _BLOCK:
            self.walk(tag)
            return
        self.flush()
        if name == "li":
            self.buffer.append(_list_number(tag))
        self.walk(tag)
        self.flush()


def _list_number(item: Tag) -> str:
    parent = item.parent
    if not isinstance(parent, Tag) or parent.name != "ol":
        return ""
    siblings = list(parent.find_all("li", recursive=False))
    try:
        start = int(str(parent.get("start", "1")))
    except ValueError:
        start = 1
    return f"{start + siblings.index(item)}、"


def _table_rows(table: Tag) -> list[list[str]]:
    rows = []
    for row in table.find_all("tr"):
        if row.find_parent("table") is not table:
            continue  # a row of a nested table
        cells = [_cell_text(cell) for cell in row.find_all(["td", "th"], recursive=False)]
        if any(cells):
            rows.append(cells)
    return rows


def _cell_text(cell: Tag) -> str:
    for br in cell.find_all("br"):
        br.replace_with("\n")
    for block in cell.find_all(["p", "div", "li"]):
        block.insert_after("\n")
    lines = (line.strip() for line in cell.get_text().split("\n"))
    return "\n".join(line for line in lines if line)
