"""A tiny double-entry ledger."""
from ledger.core import Ledger, post_entry

__all__ = ["Ledger", "post_entry"]
