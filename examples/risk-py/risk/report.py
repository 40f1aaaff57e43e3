"""The daily risk report."""
import sys

from risk import management
from risk.management import check_limits


def daily_report(positions_path, prices_dir, limit):
    """One line: the exposure, and whether it is within the limit."""
    positions = management.load_positions(positions_path)
    total = management.exposure(positions, prices_dir)
    within = check_limits(positions_path, prices_dir, limit)
    return f"exposure {total:.2f} ({'within' if within else 'over'} the limit of {limit:.2f})"


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    positions_path, prices_dir, limit = args
    print(daily_report(positions_path, prices_dir, float(limit)))
    return 0


if __name__ == "__main__":
    main()
