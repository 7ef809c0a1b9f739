"""The plan as data, and everything that words, orders, totals, numbers or moves it.

Pure Python, no Django: ``data`` (PlanData and its parts), ``checks`` (what a user may
type), ``money`` (reading and printing yuan, budget totals), ``numbering`` (一、（一）1.（1）),
``wording`` (the "when" label, target text), ``order`` (the month table's order),
``copying`` (a plan for another year), ``states`` and ``progress`` (how the year goes).
"""
