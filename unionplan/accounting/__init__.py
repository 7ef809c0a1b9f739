"""The union's money by the account lines of 《工会会计制度》 — pure Python, no Django.

``lines`` holds the chart of account lines as data (marked 待核对 until checked against the
official text), ``mapping`` the default mapping of our activity and expense categories onto
them, ``budget`` the budget drawn from a plan: expense lines, estimated income and the
balance check.
"""
