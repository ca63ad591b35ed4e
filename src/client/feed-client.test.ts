import { describe, expect, it } from 'vitest';
import { T0, created, fill, snapshot, setup } from '../../test/support/dom/feed-test-kit';
import { settle } from '../../test/support/dom/fake-relay';

describe('feed client', () => {
  it('applies the snapshot, then events, committing once per frame', async () => {
    const { relay, feed, dashboard, frame, frames, status } = setup();
    feed.start();
    await settle();
    expect(status()).toBe('CONNECTING');
    relay.streams[0]!.sendText(snapshot(5, ['a', 'b']));
    await settle();
    expect(status()).toBe('LIVE');
    expect(dashboard.book().orders.size).toBe(2);
    expect(dashboard.store.getState().relayStaleAfterSec).toBe(120);
    const version = dashboard.store.getState().version;
    relay.streams[0]!.send('events', [created(6, 'c'), fill(7, 'c', 250)], 7);
    relay.streams[0]!.send('events', [created(8, 'd')], 8);
    await settle();
    expect(frames).toHaveLength(1);
    expect(dashboard.book().orders.has('c')).toBe(false);
    frame();
    expect(dashboard.store.getState().version).toBe(version + 1);
    expect(dashboard.book().orders.get('c')?.fill_pct).toBe(25);
    expect(dashboard.book().orders.get('c')?.status).toBe('PARTIAL_FILL');
    expect(dashboard.store.getState().feed.rseq).toBe(8);
  });

  it('sends the token as a bearer header and in the query', async () => {
    const { relay, feed } = setup({ token: 's3cret' });
    feed.start();
    await settle();
    expect(relay.streams[0]!.headers.Authorization).toBe('Bearer s3cret');
    expect(relay.streams[0]!.url).toBe('/api/stream?token=s3cret');
  });

  it('drops duplicates (rseq at or below the last one)', async () => {
    const { relay, feed, dashboard, frame } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(5, ['a']));
    relay.streams[0]!.send('events', [created(6, 'c'), fill(7, 'c', 100)]);
    relay.streams[0]!.send('events', [fill(7, 'c', 900), created(5, 'zzz'), fill(8, 'c', 200)]);
    await settle();
    frame();
    expect(feed.counters().duplicates).toBe(2);
    expect(dashboard.book().orders.get('c')?.filled_value).toBe(200);
    expect(dashboard.book().orders.has('zzz')).toBe(false);
  });

  it('resyncs from a fresh snapshot on a gap', async () => {
    const { relay, feed, dashboard, frame, status } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(5, ['a']));
    relay.streams[0]!.send('events', [created(6, 'c'), created(9, 'x')]);
    await settle();
    expect(status()).toBe('RESYNCING');
    expect(feed.counters().gaps).toBe(1);
    expect(relay.streams[0]!.aborted).toBe(true);
    expect(relay.streams).toHaveLength(2);
    expect(relay.streams[1]!.headers['Last-Event-ID']).toBeUndefined();
    relay.streams[1]!.sendText(snapshot(9, ['a', 'c', 'x']));
    await settle();
    frame();
    expect(status()).toBe('LIVE');
    expect([...dashboard.book().orders.keys()].sort()).toEqual(['a', 'c', 'x']);
  });

  it('turns STALE after two silent heartbeats and LIVE again on the next one', async () => {
    const { relay, feed, clock, status, dashboard } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(5));
    await settle();
    clock.advance(1000);
    relay.streams[0]!.send('heartbeat', { now: T0 + 1000, rseq: 5 });
    await settle();
    clock.advance(1999);
    expect(status()).toBe('LIVE');
    clock.advance(1);
    expect(status()).toBe('STALE');
    relay.streams[0]!.send('heartbeat', { now: T0 + 5000, rseq: 5 });
    await settle();
    expect(status()).toBe('LIVE');
    expect(dashboard.store.getState().feed.asOf).toBe(T0 + 5000);
  });

  it('measures against the relay clock, not the browser clock', async () => {
    const { relay, feed, clock, dashboard } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(5, [], { now: clock.now() + 3_600_000 }));
    await settle();
    clock.advance(2000);
    expect(dashboard.relayNow() - clock.now()).toBe(3_600_000);
  });

  it('reconnects with growing, capped backoff, forever, then resumes with Last-Event-ID', async () => {
    const { relay, feed, clock, status, dashboard } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(5));
    await settle();
    relay.failNext(9);
    relay.streams[0]!.close();
    await settle();
    const delays: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const feedState = dashboard.store.getState().feed;
      expect(status()).toBe('RECONNECTING');
      expect(feedState.attempt).toBe(i);
      delays.push(feedState.retryAt! - clock.now());
      clock.advance(feedState.retryAt! - clock.now());
      await settle();
    }
    // random() = 0.5 → 3/4 of the exponential step, capped at 5 s.
    expect(delays.slice(0, 5)).toEqual([375, 750, 1500, 3000, 3750]);
    expect(Math.max(...delays)).toBe(3750);
    expect(relay.streams).toHaveLength(2);
    expect(relay.streams[1]!.headers['Last-Event-ID']).toBe('5');
    expect(relay.streams[1]!.url).toBe('/api/stream?last_event_id=5');
    expect(status()).toBe('LIVE');
    expect(dashboard.store.getState().feed.attempt).toBe(0);
  });

  it('resyncs when a heartbeat shows the relay restarted (rseq went back)', async () => {
    const { relay, feed, status, dashboard, frame } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(50, ['a', 'b']));
    await settle();
    relay.streams[0]!.send('heartbeat', { now: T0, rseq: 2 });
    await settle();
    expect(status()).toBe('RESYNCING');
    relay.streams[1]!.sendText(snapshot(2, ['z']));
    relay.streams[1]!.send('events', [created(3, 'y')]);
    await settle();
    frame();
    expect(feed.counters().restarts).toBe(1);
    expect(status()).toBe('LIVE');
    expect([...dashboard.book().orders.keys()].sort()).toEqual(['y', 'z']);
  });

  it('accepts a reconnect snapshot from a restarted relay as the new truth', async () => {
    const { relay, feed, clock, dashboard } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(50, ['a', 'b']));
    await settle();
    relay.streams[0]!.close();
    await settle();
    clock.advance(dashboard.store.getState().feed.retryAt! - clock.now());
    await settle();
    relay.streams[1]!.sendText(snapshot(1, ['fresh']));
    await settle();
    expect([...dashboard.book().orders.keys()]).toEqual(['fresh']);
    expect(dashboard.store.getState().feed.rseq).toBe(1);
    expect(feed.counters().restarts).toBe(1);
  });

  it('asks a relay restarted while we were away for a snapshot, even when its new log passed our rseq', async () => {
    const { relay, feed, clock, dashboard, status } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(3, ['old']));
    await settle();
    relay.streams[0]!.close();
    await settle();
    // Down for 5 s; the new process has been up 2 s and already logged 7 events.
    Object.assign(relay.health, { rseq: 7, uptime_s: 2 });
    relay.failNext(3);
    for (let i = 0; i < 4; i++) {
      clock.advance(dashboard.store.getState().feed.retryAt! - clock.now());
      await settle();
    }
    expect(relay.healthChecks()).toBeGreaterThan(0);
    expect(relay.streams.length).toBeGreaterThanOrEqual(2);
    const last = relay.streams[relay.streams.length - 1]!;
    expect(last.headers['Last-Event-ID']).toBeUndefined();
    expect(status()).toBe('RESYNCING');
    last.sendText(snapshot(7, ['new']));
    await settle();
    expect([...dashboard.book().orders.keys()]).toEqual(['new']);
    expect(feed.counters().restarts).toBe(1);
  });

  it('resumes from a relay that stayed up (uptime longer than our silence)', async () => {
    const { relay, feed, clock, dashboard } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(3, ['kept']));
    await settle();
    relay.streams[0]!.close();
    await settle();
    Object.assign(relay.health, { rseq: 9, uptime_s: 3600 });
    clock.advance(dashboard.store.getState().feed.retryAt! - clock.now());
    await settle();
    expect(relay.streams[1]!.headers['Last-Event-ID']).toBe('3');
    expect(feed.counters().restarts).toBe(0);
  });

  it('resyncs when a second heartbeat still finds announced events missing', async () => {
    const { relay, feed, status } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(5));
    relay.streams[0]!.send('heartbeat', { now: T0, rseq: 7 });
    await settle();
    expect(status()).toBe('LIVE');
    relay.streams[0]!.send('heartbeat', { now: T0, rseq: 7 });
    await settle();
    expect(status()).toBe('RESYNCING');
  });

  it('counts unreadable messages instead of failing', async () => {
    const { relay, feed, status } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(5));
    relay.streams[0]!.send('events', 'not an array');
    relay.streams[0]!.send('events', [{ rseq: 6, at: T0, event: { type: 'bogus' } }, created(7, 'ok')]);
    await settle();
    expect(feed.counters().badMessages).toBe(2);
    expect(status()).toBe('LIVE');
  });

  it('reconnects at once when the operator asks, without waiting for the backoff', async () => {
    const { relay, feed, dashboard, status } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(5, ['a']));
    await settle();
    relay.failNext(3);
    relay.streams[0]!.close();
    await settle();
    expect(status()).toBe('RECONNECTING');
    expect(relay.streams).toHaveLength(1);
    dashboard.requestReconnect();
    await settle();
    expect(relay.streams).toHaveLength(1);
    expect(dashboard.store.getState().feed.attempt).toBe(2);
    relay.failNext(0);
    dashboard.requestReconnect();
    await settle();
    expect(relay.streams).toHaveLength(2);
    expect(relay.streams[1]!.headers['Last-Event-ID']).toBe('5');
    expect(status()).toBe('LIVE');
    // Asked while live, it changes nothing.
    dashboard.requestReconnect();
    await settle();
    expect(relay.streams).toHaveLength(2);
  });

  it('tells the operator when a restarted relay replaced the book, and not on the first snapshot', async () => {
    const { relay, feed, dashboard } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(50, ['a', 'b', 'c']));
    await settle();
    expect(dashboard.store.getState().feed.replaced).toBeNull();
    relay.streams[0]!.send('heartbeat', { now: T0 + 9_000, rseq: 2 });
    await settle();
    relay.streams[1]!.sendText(snapshot(2, ['z'], { now: T0 + 9_000 }));
    await settle();
    expect(dashboard.store.getState().feed.replaced).toEqual({ at: T0 + 9_000, ordersBefore: 3, ordersAfter: 1 });
  });

  it('stops cleanly: no timers left, stream aborted', async () => {
    const { relay, feed, clock } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(5));
    await settle();
    feed.stop();
    await settle();
    expect(relay.streams[0]!.aborted).toBe(true);
    expect(clock.pending()).toBe(0);
  });
});
