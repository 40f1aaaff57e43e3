import unittest
from pathlib import Path

from risk import management

DATA = Path(__file__).resolve().parent.parent / "data"


class ManagementTest(unittest.TestCase):
    def test_exposure_sums_quantity_times_last_close(self):
        positions = management.load_positions(DATA / "positions.json")
        self.assertAlmostEqual(management.exposure(positions, DATA / "prices"), 1214.0)

    def test_check_limits(self):
        self.assertTrue(management.check_limits(DATA / "positions.json", DATA / "prices", 2000))
        self.assertFalse(management.check_limits(DATA / "positions.json", DATA / "prices", 1000))

    def test_value_at_risk_is_the_worst_return_times_the_position(self):
        closes = [100.0, 98.0, 101.0]
        self.assertAlmostEqual(management.value_at_risk(closes, 10), 20.2, places=6)


if __name__ == "__main__":
    unittest.main()
