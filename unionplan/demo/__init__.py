"""Demo data for `make run`: a federation with unions of several sectors, each with plans."""
