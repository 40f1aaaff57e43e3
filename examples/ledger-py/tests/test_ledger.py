import unittest

from ledger import Ledger, post_entry
from ledger.reports import opening_balances, replay, transfer


class LedgerTest(unittest.TestCase):
    def test_post_entry_moves_money(self):
        book = post_entry(Ledger(), "cash", "bank", 10)
        self.assertEqual(book.balances, {"cash": -10, "bank": 10})

    def test_post_entry_refuses_non_positive_amounts(self):
        with self.assertRaises(ValueError):
            post_entry(Ledger(), "cash", "bank", 0)

    def test_reports_use_the_same_operation(self):
        book = opening_balances(Ledger(), {"cash": 5})
        transfer(book, "cash", "bank", 2)
        self.assertEqual(book.balances, {"equity": -5, "cash": 3, "bank": 2})

    def test_replay_with_a_custom_handler(self):
        self.assertEqual(replay([1, 2], post_entry=lambda e: e * 2), [2, 4])


if __name__ == "__main__":
    unittest.main()
