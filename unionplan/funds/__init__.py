"""The union's money in the database: the category -> account line table, the finance settings
of a year, the budget page of a plan and the accounts (by line and by month)."""
