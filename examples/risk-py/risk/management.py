"""Risk management: exposure against limits, and value at risk over price history."""
import json
import time
from pathlib import Path

# The price feed allows one request every 10 ms.
RATE_LIMIT_SECONDS = 0.01


def load_positions(path):
    """Positions by symbol, from a JSON file such as {"ACME": 10}."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def fetch_price(symbol, prices_dir):
    """The latest closing price of `symbol`, from `<prices_dir>/<symbol>.csv`."""
    time.sleep(RATE_LIMIT_SECONDS)
    closes = read_closes(Path(prices_dir) / f"{symbol}.csv")
    return closes[-1]


def read_closes(path):
    """Closing prices, oldest first, from a `date,close` CSV file."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()[1:]
    return [float(line.split(",")[1]) for line in lines if line.strip()]


def exposure(positions, prices_dir):
    """The market value of all positions."""
    total = 0.0
    for symbol, quantity in sorted(positions.items()):
        total += quantity * fetch_price(symbol, prices_dir)
    return total


def value_at_risk(closes, quantity, confidence=0.95):
    """One-day historical value at risk of holding `quantity` at the last close."""
    returns = sorted(b / a - 1 for a, b in zip(closes, closes[1:]))
    if not returns:
        return 0.0
    index = max(0, int((1 - confidence) * len(returns)) - 1)
    return -returns[index] * quantity * closes[-1]


def check_limits(positions_path, prices_dir, limit):
    """True when the exposure of the positions stays within `limit`."""
    positions = load_positions(positions_path)
    return exposure(positions, prices_dir) <= limit
