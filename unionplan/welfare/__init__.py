"""The welfare register (福利慰问台账): every gift or payment to a member, checked against the fund rules."""
