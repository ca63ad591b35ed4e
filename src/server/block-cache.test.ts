import { applyEvent } from '../core/apply';
import { describe, expect, it } from 'vitest';
import { transitionEvent } from '../core/events';
import { isTerminal } from '../core/status';
import { bookBlockTexts } from './block-cache';
import { bookState } from '../../test/support/book-state';
import { seededBook } from '../../test/support/seeded-book';
import { decodeCheckpoint, encodeCheckpoint } from '../protocol/book-checkpoint';

describe('checkpoints through the block cache', () => {
  it('reads the same book from the relay block cache, and reuses its blocks when nothing changed', () => {
    const book = seededBook();
    const cached = (orders: Parameters<typeof bookBlockTexts>[1]) => bookBlockTexts(book, orders);
    const first = encodeCheckpoint(book, cached);
    expect(bookState(decodeCheckpoint(first, 200))).toEqual(bookState(decodeCheckpoint(encodeCheckpoint(book), 200)));
    const firstBlocks = bookBlockTexts(book, [...book.orders.values()]);
    const again = bookBlockTexts(book, [...book.orders.values()]);
    expect(again.every((text, i) => text === firstBlocks[i])).toBe(true);
    expect(encodeCheckpoint(book, cached)).toBe(first);
  });

  it('an order changed after a checkpoint is in the next one', () => {
    const book = seededBook();
    const cached = (orders: Parameters<typeof bookBlockTexts>[1]) => bookBlockTexts(book, orders);
    encodeCheckpoint(book, cached);
    const order = [...book.orders.values()].find((o) => !isTerminal(o.status))!;
    applyEvent(
      book,
      transitionEvent(order.client_order_id, order.last_update_at + 1000, undefined, order.engine, 'CANCELED', undefined, undefined),
    );
    expect(book.orders.get(order.client_order_id)?.status).toBe('CANCELED');
    expect(bookState(decodeCheckpoint(encodeCheckpoint(book, cached), 200))).toEqual(bookState(book));
  });
});
