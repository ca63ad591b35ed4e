import { describe, expect, it } from 'vitest';
import { settle } from '../../test/support/dom/fake-relay';
import { snapshot, setup } from '../../test/support/dom/feed-test-kit';

// The snapshot arrives in several messages (docs/protocol.md, snapshot v2).
describe('feed client receiving a snapshot', () => {
  it('applies it only at its end, however the bytes are cut', async () => {
    const { relay, feed, dashboard, status } = setup();
    feed.start();
    await settle();
    const text = snapshot(5, ['a', 'b', 'c', 'd', 'e']);
    for (let at = 0; at < text.length; at += 97) {
      relay.streams[0]!.sendText(text.slice(at, at + 97));
      await settle();
      if (at + 97 < text.length) expect(status()).toBe('CONNECTING');
    }
    expect(status()).toBe('LIVE');
    expect([...dashboard.book().orders.keys()]).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(dashboard.store.getState().feed.rseq).toBe(5);
  });

  it('never applies half a snapshot from a connection that ended; the next connection starts over', async () => {
    const { relay, feed, dashboard, clock, status } = setup();
    feed.start();
    await settle();
    const text = snapshot(5, ['a', 'b', 'c', 'd']);
    relay.streams[0]!.sendText(text.slice(0, text.indexOf('event: snapshot_end')));
    relay.streams[0]!.close();
    await settle();
    expect(status()).toBe('RECONNECTING');
    expect(dashboard.book().orders.size).toBe(0);
    clock.advance(dashboard.store.getState().feed.retryAt! - clock.now());
    await settle();
    // Not a resume: there was never a snapshot to resume from.
    expect(relay.streams[1]!.headers['Last-Event-ID']).toBeUndefined();
    relay.streams[1]!.sendText(text.slice(text.indexOf('event: snapshot_end')));
    await settle();
    expect(feed.counters().badMessages).toBe(1);
    relay.streams[1]!.sendText(snapshot(6, ['x']));
    await settle();
    expect(status()).toBe('LIVE');
    expect([...dashboard.book().orders.keys()]).toEqual(['x']);
  });

  it('counts skipped orders as bad messages and keeps the readable ones', async () => {
    const { relay, feed, dashboard } = setup();
    feed.start();
    await settle();
    const text = snapshot(5, ['a', 'b', 'c']).replace('"ETH-USD"', '7');
    relay.streams[0]!.sendText(text);
    await settle();
    // The first block (a, b) lost its string table entry for the symbol: both orders unreadable.
    expect([...dashboard.book().orders.keys()]).toEqual(['c']);
    expect(feed.counters().badMessages).toBe(2);
  });
});
