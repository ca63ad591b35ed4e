import { describe, expect, it } from 'vitest';
import { T0, created, snapshot, setup } from '../../test/support/dom/feed-test-kit';
import { settle } from '../../test/support/dom/fake-relay';

// Which relay log the book follows: log_id on resume and heartbeats, and a degraded store.
describe('feed client and the relay it follows', () => {
  it('resumes within the relay log it knows, and names that log so a restarted relay answers with a snapshot', async () => {
    const { relay, feed, clock, dashboard } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(3, ['kept'], { log_id: 'log-A' }));
    await settle();
    relay.streams[0]!.close();
    await settle();
    Object.assign(relay.health, { rseq: 9, uptime_s: 3600, log_id: 'log-A' });
    clock.advance(dashboard.store.getState().feed.retryAt! - clock.now());
    await settle();
    expect(relay.streams[1]!.url).toBe('/api/stream?last_event_id=3&log_id=log-A');
    expect(feed.counters().restarts).toBe(0);
  });

  it('takes a different log id at /api/healthz as a restart, whatever the uptime says', async () => {
    const { relay, feed, clock, dashboard, status } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(3, ['old'], { log_id: 'log-A' }));
    await settle();
    relay.streams[0]!.close();
    await settle();
    Object.assign(relay.health, { rseq: 9, uptime_s: 3600, log_id: 'log-B' });
    clock.advance(dashboard.store.getState().feed.retryAt! - clock.now());
    await settle();
    expect(relay.streams[1]!.headers['Last-Event-ID']).toBeUndefined();
    expect(status()).toBe('RESYNCING');
    expect(feed.counters().restarts).toBe(1);
  });

  it('sends the view token with the health check: a relay with VIEW_TOKEN tells its log id only to holders', async () => {
    const { relay, feed, clock, dashboard } = setup({ token: 'view-secret' });
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(3, ['a'], { log_id: 'log-A' }));
    await settle();
    relay.streams[0]!.close();
    await settle();
    clock.advance(dashboard.store.getState().feed.retryAt! - clock.now());
    await settle();
    expect(relay.healthHeaders).toEqual([{ Authorization: 'Bearer view-secret' }]);
  });

  it('resyncs when a heartbeat comes from another log, even with a higher rseq', async () => {
    const { relay, feed, status } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(5, ['a'], { log_id: 'log-A' }));
    await settle();
    relay.streams[0]!.send('heartbeat', { now: T0, rseq: 5, log_id: 'log-A' });
    await settle();
    expect(status()).toBe('LIVE');
    relay.streams[0]!.send('heartbeat', { now: T0, rseq: 40, log_id: 'log-B' });
    await settle();
    expect(status()).toBe('RESYNCING');
    expect(feed.counters().restarts).toBe(1);
  });

  it('shows STALE while the relay reports its store degraded, and LIVE again once it recovers', async () => {
    const { relay, feed, status, dashboard } = setup();
    feed.start();
    await settle();
    relay.streams[0]!.sendText(snapshot(5, ['a']));
    await settle();
    relay.streams[0]!.send('heartbeat', { now: T0 + 1000, rseq: 5, degraded: true });
    await settle();
    expect(status()).toBe('STALE');
    relay.streams[0]!.send('events', [created(6, 'b')], 6);
    await settle();
    expect(status()).toBe('STALE');
    relay.streams[0]!.send('heartbeat', { now: T0 + 2000, rseq: 6 });
    await settle();
    expect(status()).toBe('LIVE');
    expect(dashboard.store.getState().feed.error).toBeNull();
  });
});
