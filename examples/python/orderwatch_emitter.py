"""Orderwatch emitter: sends an execution engine's order lifecycle to an Orderwatch relay.

Standard library only. The trading loop calls ``order_created`` / ``transition`` / ``fill``;
each call builds a wire-format v1 event and puts it on a bounded in-memory queue without
blocking. A background thread posts the queue as NDJSON batches to ``POST /api/events``,
retrying with exponential backoff while the relay is unreachable.

    emitter = OrderwatchEmitter("http://127.0.0.1:8080", token=os.environ.get("INGEST_TOKEN"))
    emitter.order_created("coid_abc123", "BTC-USD", "buy", 1000.0, "live")
    emitter.transition("coid_abc123", "OPEN", order_id="exch_456")
    emitter.fill("coid_abc123", filled_size=0.01, filled_value=1000.0, fees=4.0)
    emitter.close()
"""

import collections
import datetime
import json
import logging
import threading
import time
import urllib.error
import urllib.request

__all__ = ["OrderwatchEmitter"]

log = logging.getLogger("orderwatch")

STATUSES = ("NEW", "OPEN", "PARTIAL_FILL", "FILLED", "CANCELED", "EXPIRED", "REJECTED", "FAILED")

# The relay does not take this token: retrying cannot help until it is fixed, but the events are
# good, so they are kept (the queue's bound caps what that holds) and retried at the slowest pace.
_UNAUTHORIZED = (401, 403)


def _first_rejection(body):
    """The relay's own words for a refused batch: its first line rejection, else its error."""
    try:
        reply = json.loads(body or b"{}")
    except ValueError:
        return body[:300].decode("utf-8", "replace")
    rejected = reply.get("rejected") or []
    if rejected:
        return "line %s: %s" % (rejected[0].get("line"), rejected[0].get("error"))
    return str(reply.get("error", ""))[:300]


def _status_name(status):
    """Accepts "OPEN", "open" or an OrderStatus enum member (by value, else by name)."""
    value = getattr(status, "value", status)
    if not isinstance(value, str):
        value = getattr(status, "name", str(status))
    name = value.upper()
    if name not in STATUSES:
        raise ValueError("unknown order status %r" % (status,))
    return name


def _side_name(side):
    name = str(getattr(side, "value", side)).lower()
    if name not in ("buy", "sell"):
        raise ValueError("side must be buy or sell, got %r" % (side,))
    return name


def _wire_ts(ts):
    """Unix seconds (float) or an ISO-8601 string; a naive datetime is taken as UTC, like the relay does."""
    if ts is None:
        return time.time()
    if isinstance(ts, datetime.datetime):
        if ts.tzinfo is None:
            ts = ts.replace(tzinfo=datetime.timezone.utc)
        return ts.isoformat()
    return ts


class OrderwatchEmitter:
    """Non-blocking, thread-safe emitter of wire v1 events. One instance per engine.

    url:        the relay's base URL ("http://127.0.0.1:8080") or its /api/events URL.
    token:      the relay's INGEST_TOKEN, sent as "Authorization: Bearer <token>".
    engine:     this engine's name; events carry it and a per-engine increasing seq.
    max_queue:  events held while the relay is unreachable; past it the oldest are dropped
                (counted in ``stats()["dropped"]``, with a warning) so the trading loop never waits.
    seq_start:  first seq. The default, the current time in milliseconds, keeps a restarted
                engine's seqs above those it sent before (the relay drops seqs it has seen).
    heartbeat_s: after this many seconds with nothing to send, an ``engine_heartbeat`` goes out so a
                quiet engine is not taken for a silent (dead) one; None turns it off.
    """

    def __init__(self, url, token=None, engine="engine-1", max_queue=10000, batch_size=500,
                 timeout=5.0, initial_backoff=0.25, max_backoff=30.0, seq_start=None, heartbeat_s=10.0):
        base = url.rstrip("/")
        self.url = base if base.endswith("/api/events") else base + "/api/events"
        self.engine = engine
        self._headers = {"Content-Type": "application/x-ndjson", "User-Agent": "orderwatch-emitter-py/1"}
        if token:
            self._headers["Authorization"] = "Bearer " + token
        self._batch_size = batch_size
        self._timeout = timeout
        self._initial_backoff = initial_backoff
        self._unauthorized = False
        self._max_backoff = max_backoff
        self._queue = collections.deque()
        self._max_queue = max_queue
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._seq = int(time.time() * 1000) if seq_start is None else int(seq_start) - 1
        self._in_flight = 0
        self._heartbeat_s = heartbeat_s
        self._last_enqueued = time.monotonic()
        self._stop = threading.Event()
        self._stats = {"sent": 0, "dropped": 0, "rejected": 0, "invalid": 0, "failures": 0, "posts": 0, "heartbeats": 0}
        self._thread = threading.Thread(target=self._run, name="orderwatch-emitter", daemon=True)
        self._thread.start()

    # -- the engine's hook points ------------------------------------------------------------

    def order_created(self, client_order_id, symbol, side, size_usd, route, ts=None):
        """Call from OrderStateMachine.create_order, once per new order."""
        self._enqueue(lambda: {"type": "order_created", "client_order_id": str(client_order_id), "ts": _wire_ts(ts),
                               "symbol": str(symbol), "side": _side_name(side), "size_usd": float(size_usd),
                               "route": str(getattr(route, "value", route))})

    def transition(self, client_order_id, status, order_id=None, reason=None, ts=None):
        """Call from OrderStateMachine.transition after a move was accepted."""
        def build():
            event = {"type": "order_transition", "client_order_id": str(client_order_id), "ts": _wire_ts(ts),
                     "status": _status_name(status)}
            if order_id is not None:
                event["order_id"] = str(order_id)
            if reason is not None:
                event["reason"] = str(reason)
            return event
        self._enqueue(build)

    def fill(self, client_order_id, filled_size, filled_value, fees=0.0, ts=None):
        """Call from OrderStateMachine.update_fill with the cumulative totals (not increments)."""
        self._enqueue(lambda: {"type": "order_fill", "client_order_id": str(client_order_id), "ts": _wire_ts(ts),
                               "filled_size": float(filled_size), "filled_value": float(filled_value),
                               "fees": float(fees or 0.0)})

    # -- lifecycle ---------------------------------------------------------------------------

    def flush(self, timeout=None):
        """Blocks until every queued event was delivered (or dropped); False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            while self._queue or self._in_flight:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._wake.wait(remaining if remaining is not None else 0.5)
            return True

    def close(self, timeout=5.0):
        """Delivers what it can within `timeout` seconds, then stops the sender thread."""
        self.flush(timeout)
        self._stop.set()
        with self._lock:
            self._wake.notify_all()
        self._thread.join(timeout)

    def stats(self):
        with self._lock:
            return dict(self._stats, queued=len(self._queue) + self._in_flight)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- internals ---------------------------------------------------------------------------

    def _enqueue(self, build):
        """Never raises into the trading loop: an event that cannot be built is counted and logged."""
        try:
            event = build()
        except (TypeError, ValueError) as error:
            self._invalid(error)
            return
        with self._lock:
            self._append(event)

    def _append(self, event):
        """Numbers and queues one event; the caller holds the lock."""
        event["engine"] = self.engine
        event["seq"] = self._seq + 1
        try:
            line = json.dumps(event, separators=(",", ":"), allow_nan=False)
        except (TypeError, ValueError) as error:
            self._stats["invalid"] += 1
            log.warning("orderwatch: event not sent: %s", error)
            return
        self._seq += 1
        if len(self._queue) >= self._max_queue:
            self._queue.popleft()
            self._stats["dropped"] += 1
            dropped = self._stats["dropped"]
            if dropped == 1 or dropped % 1000 == 0:
                log.warning("orderwatch: relay unreachable and queue full; %d oldest events dropped", dropped)
        self._queue.append(line)
        self._last_enqueued = time.monotonic()
        self._wake.notify_all()

    def _invalid(self, error):
        with self._lock:
            self._stats["invalid"] += 1
        log.warning("orderwatch: event not sent: %s", error)

    def _take_batch(self):
        with self._lock:
            while not self._queue and not self._stop.is_set():
                if self._heartbeat_s is None:
                    self._wake.wait()
                    continue
                quiet_for = time.monotonic() - self._last_enqueued
                if quiet_for < self._heartbeat_s:
                    self._wake.wait(self._heartbeat_s - quiet_for)
                    continue
                self._stats["heartbeats"] += 1
                self._append({"type": "engine_heartbeat", "ts": _wire_ts(None)})
            batch = [self._queue.popleft() for _ in range(min(self._batch_size, len(self._queue)))]
            self._in_flight = len(batch)
            return batch

    def _finish_batch(self, sent, rejected=0):
        with self._lock:
            self._in_flight = 0
            self._stats["sent"] += sent
            self._stats["rejected"] += rejected
            self._wake.notify_all()

    def _run(self):
        backoff = self._initial_backoff
        batch = []
        while True:
            if not batch:
                batch = self._take_batch()
                if not batch:
                    return  # closing and nothing left
            outcome = self._post(batch)
            if outcome is not None:
                self._finish_batch(*outcome)
                backoff = self._initial_backoff
                batch = []
                continue
            with self._lock:
                self._stats["failures"] += 1
            # New events do not cut the wait short (that would retry on every trade); close() does.
            if self._stop.wait(backoff):
                self._give_up(batch)
                return
            backoff = self._max_backoff if self._unauthorized else min(self._max_backoff, backoff * 2)
            self._unauthorized = False

    def _give_up(self, batch):
        with self._lock:
            lost = len(batch) + len(self._queue)
            self._queue.clear()
            self._in_flight = 0
            self._stats["dropped"] += lost
            self._wake.notify_all()
        log.warning("orderwatch: closing with the relay unreachable; %d events not delivered", lost)

    def _post(self, batch):
        """(delivered, rejected) when the relay answered for the batch; None to retry later."""
        body = ("\n".join(batch) + "\n").encode("utf-8")
        request = urllib.request.Request(self.url, data=body, headers=self._headers, method="POST")
        with self._lock:
            self._stats["posts"] += 1
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                reply = json.loads(response.read() or b"{}")
            rejected = len(reply.get("rejected", []))
            if rejected:
                log.warning("orderwatch: relay rejected %d line(s): %s", rejected, reply["rejected"][:3])
            return len(batch) - rejected, rejected
        except urllib.error.HTTPError as error:
            if error.code in _UNAUTHORIZED:
                log.error("orderwatch: unauthorized (HTTP %d): the relay refused the token; check INGEST_TOKEN. "
                          "%d events kept, retrying", error.code, len(batch) + len(self._queue))
                self._unauthorized = True
                return None
            if 400 <= error.code < 500:
                # A 4xx fails the same way every time: holding the batch would stall every later event.
                log.error("orderwatch: relay refused a batch of %d (HTTP %d), dropped it; first rejection: %s",
                          len(batch), error.code, _first_rejection(error.read()))
                return 0, len(batch)
            log.warning("orderwatch: relay answered HTTP %d; retrying", error.code)
            return None
        except (urllib.error.URLError, OSError, ValueError) as error:
            log.warning("orderwatch: cannot reach relay at %s (%s); retrying", self.url, error)
            return None
