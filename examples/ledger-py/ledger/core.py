"""Core ledger operations."""


class Ledger:
    """Accounts and their balances."""

    def __init__(self):
        self.balances = {}

    def post_entry(self, account, amount):
        """A method that merely shares the function's name: not renamed."""
        self.balances[account] = self.balances.get(account, 0) + amount


def post_entry(ledger, debit, credit, amount):
    """Moves `amount` from `debit` to `credit` (see post_entry in the docs)."""
    if amount <= 0:
        raise ValueError("post_entry needs a positive amount")
    ledger.post_entry(debit, -amount)
    ledger.post_entry(credit, amount)
    return ledger


def post_entry_count(entries):
    """Another identifier that contains the name: not renamed."""
    return len(entries)
