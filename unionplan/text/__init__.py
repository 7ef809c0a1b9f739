"""Text of Chinese plans: numerals, numbering, cleaning and parsing. No Django imports.

Public API of the plan parser (issue 3; the JSON is DESIGN.md §5)::

    from unionplan.text import parse_path, parse_bytes, ParseResult, MAX_FILE_BYTES, MAX_TEXT_BYTES

    result = parse_path("计划.docx", simplified=False)       # or parse_bytes(data, "计划.docx")
    result.to_json_dict()   # {"source", "plans": [{"title", "year", "sections", "schedule",
                            #   "targets"}], "warnings"} — exactly DESIGN.md §5
    result.plan_data(0, year=None)  # -> unionplan.plan.data.PlanData of the first plan
    result.plans            # list[unionplan.text.model.Plan], the parsed plans
    result.warnings         # list[str], in Chinese

- Inputs: .txt/.md in UTF-8 (BOM or not), GB18030/GBK, Big5 (detected by scoring strict
  decodes, see ``charset``); .html/.htm (text, <ol> numbers, tables); .docx (paragraphs,
  Word's own list numbering, tables). An unknown extension is sniffed from the content.
- Any user mistake (empty, binary, damaged, unsupported type, too large) raises
  ``unionplan.errors.UserInputError`` with a one-line Chinese message; no other exception is
  expected for any input. Limits: ``MAX_FILE_BYTES`` = 20 MB for any file (a .docx carries
  images), ``readers.MAX_TEXT_BYTES`` = 5 MB for .txt/.md/.html, and 10 MB of unpacked text
  XML in a .docx (``docx_reader.MAX_DOCUMENT_XML_BYTES``). Within them every stage is linear
  (no regex retries a long run, no recursion over the HTML tree), so the worst input allowed
  parses in about 10 s and a real plan in well under one; see bench/bench_parse.py.
- ``simplified=True`` gives every text in simplified characters (OpenCC t2s); otherwise the
  text is kept as written (cleaned of scrape noise). Units of targets are always simplified.
- Text as published: site chrome is dropped (``chrome``), hard wraps joined and one-line PDF
  text cut at its headings (``reflow``); months are found as headings, prefixes (20xx年3月：,
  （1）4月左右), bracketed suffixes (（二月）) and 时间： fields; a truncated last item is
  dropped with a warning that quotes it; the 落款 is ``Plan.signed_by``/``signed_on``.
- JSON details: ``number`` is the marker as written ("一、", "（一）") or null for a heading
  such as "指导思想："; ``level`` is the depth in the tree (1-4), whatever marker a plan
  starts with; ``months`` lists every month of a span or quarter, ``month`` is the first;
  ``value`` is a JSON number (int when whole) or [low, high] for comparator "range".
  Each schedule item has ``budget``: yuan (a number) from a 经费 column or its text
  (经费2000元, 约1.5万元 = 15000), read by ``unionplan.plan.money.parse_yuan``; null when none is named.
- ``plan_data``: targets are attached to the section they were found in (those before any
  section to the plan); items carry month/end_month, date/end_date when a day is written
  (3月8日, 3.8) and a year is known (the ``year`` argument, else the plan's), scope, owner,
  budget and a guessed ``category`` (``categories.guess_category``).

Modules: ``charset`` (decoding), ``clean`` (scrape noise, punctuation, t2s), ``chrome`` (site
chrome), ``reflow`` (hard wraps, flattened text), ``readers``,
``html_reader``, ``docx_reader``, ``blocks`` (lines and tables), ``markers`` (numbering,
months, quarters, dates), ``structure`` (plans and the section tree), ``schedule``,
``targets``, ``categories``, ``model``, ``parse`` (the API above), ``scoring`` (the corpus
F1 of ../shared/corpus/README.md), ``numerals`` and ``numbering``.
"""

from unionplan.text.parse import ParseResult, parse_bytes, parse_path
from unionplan.text.readers import MAX_FILE_BYTES, MAX_TEXT_BYTES

__all__ = ["MAX_FILE_BYTES", "MAX_TEXT_BYTES", "ParseResult", "parse_bytes", "parse_path"]
