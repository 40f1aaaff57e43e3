import unittest
from pathlib import Path

from risk.report import daily_report

DATA = Path(__file__).resolve().parent.parent / "data"


class ReportTest(unittest.TestCase):
    def test_daily_report_says_within_or_over(self):
        within = daily_report(DATA / "positions.json", DATA / "prices", 2000)
        self.assertEqual(within, "exposure 1214.00 (within the limit of 2000.00)")
        over = daily_report(DATA / "positions.json", DATA / "prices", 1000)
        self.assertIn("over the limit", over)


if __name__ == "__main__":
    unittest.main()
