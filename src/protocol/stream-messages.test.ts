import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../core/events';
import { created, filled, moved, T0 } from '../../test/support/event-builders';
import { sseFrames } from '../../test/support/sse-frames';
import { toNdjsonLine } from './encode';
import type { EncodedItem } from './stream-messages';
import { eventsMessage, heartbeatMessage, HELLO, parseEvents, parseHeartbeat } from './stream-messages';

const wire = (event: OrderEvent): string => toNdjsonLine(event).trimEnd();

describe('the stream’s events and heartbeat messages, encoded and read back', () => {
  const events: OrderEvent[] = [
    created('a', { engine: 'e1', seq: 1, ts: T0 + 1 }),
    moved('a', 'OPEN', { engine: 'e1', seq: 2, ts: T0 + 2 }),
    filled('a', 500, { engine: 'e1', seq: 3, ts: T0 + 3 }),
  ];

  it('events: one SSE message whose items decode to the events, rseq and arrival time as sent', () => {
    const items: EncodedItem[] = events.map((e, i) => ({ rseq: 10 + i, at: T0 + 100 + i, event: wire(e) }));
    const [frame, ...more] = sseFrames(eventsMessage(items));
    expect(more).toEqual([]);
    expect(frame).toMatchObject({ event: 'events', id: '12' });
    const parsed = parseEvents(frame!.data);
    expect(parsed).toEqual({
      bad: 0,
      entries: events.map((event, i) => ({ rseq: 10 + i, item: { rseq: 10 + i, at: T0 + 100 + i, event } })),
    });
  });

  it('events: the id is the Redis entry id when an item has one', () => {
    const [frame] = sseFrames(eventsMessage([{ rseq: 1, at: T0, event: wire(events[0]!), id: '1733-0' }]));
    expect(frame!.id).toBe('1733-0');
  });

  it('events: an unreadable entry is counted and kept in its place; unreadable data is null', () => {
    const data = `[{"rseq":1,"at":${T0},"event":${wire(events[0]!)}},{"rseq":2,"at":${T0},"event":{"type":"order_created"}},{"nope":1}]`;
    const parsed = parseEvents(data)!;
    expect(parsed.bad).toBe(2);
    expect(parsed.entries.map((e) => [e.rseq, e.item === null])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(parseEvents('not json')).toBeNull();
    expect(parseEvents('{"rseq":1}')).toBeNull();
  });

  it('heartbeat: now, rseq, the log id and degraded, read back as written', () => {
    for (const degraded of [false, true]) {
      const [frame] = sseFrames(heartbeatMessage(T0, 42, 'log-"A"', degraded));
      expect(frame!.event).toBe('heartbeat');
      expect(parseHeartbeat(frame!.data)).toEqual({ now: T0, rseq: 42, logId: 'log-"A"', degraded });
    }
    expect(parseHeartbeat('{"now":"soon","rseq":1}')).toBeNull();
  });

  it('the hello is a comment: no message at all', () => {
    expect(sseFrames(HELLO)).toEqual([]);
  });
});
