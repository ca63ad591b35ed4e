"""A toy trading loop feeding a running Orderwatch relay through the emitter.

    npm start -- --no-sim                       # in one terminal: relay without the paper engine
    python3 examples/python/demo.py --orders 20 # in another: watch the orders appear

Environment: ORDERWATCH_URL (default http://127.0.0.1:8080), INGEST_TOKEN (if the relay has one).
"""

import argparse
import logging
import os
import random
import time

from orderwatch_emitter import OrderwatchEmitter


def trade(emitter, n, rng):
    prices = {"BTC-USD": 90000.0, "ETH-USD": 3000.0, "SOL-USD": 180.0}
    for i in range(n):
        coid = "coid_demo_%d_%04d" % (int(time.time()), i)
        symbol = rng.choice(sorted(prices))
        size_usd = round(rng.choice([50, 100, 250, 1000]) * rng.uniform(0.5, 2), 2)
        emitter.order_created(coid, symbol, rng.choice(["buy", "sell"]), size_usd, "paper")
        time.sleep(0.05)
        if rng.random() < 0.1:
            emitter.transition(coid, "REJECTED", reason="post-only would cross")
            continue
        emitter.transition(coid, "OPEN", order_id="exch_%d" % rng.randrange(10**9))
        filled_value = 0.0
        filled_size = 0.0
        # Cumulative totals, as the exchange reports them: the last one completes the order.
        for share in (0.4, 1.0) if rng.random() < 0.8 else (0.3,):
            time.sleep(rng.uniform(0.05, 0.3))
            price = prices[symbol] * rng.uniform(0.999, 1.001)
            step = round(size_usd * share, 2) - filled_value
            filled_value += step
            filled_size += step / price
            emitter.fill(coid, filled_size, filled_value, fees=filled_value * 0.0006)
        if filled_value < size_usd:
            emitter.transition(coid, "CANCELED", reason="strategy exit")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    url = os.environ.get("ORDERWATCH_URL", "http://127.0.0.1:8080")
    with OrderwatchEmitter(url, token=os.environ.get("INGEST_TOKEN"), engine="python-demo") as emitter:
        trade(emitter, args.orders, random.Random(args.seed))
        emitter.flush(timeout=10)
        print("orderwatch demo:", emitter.stats())


if __name__ == "__main__":
    main()
