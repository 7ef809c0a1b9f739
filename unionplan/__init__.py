"""unionplan — 工会年度工作计划系统."""

__version__ = "0.1.0"
