/** Something due at a time; `order` breaks ties so equal times pop in insertion order. */
interface Entry<T> {
  readonly at: number;
  readonly order: number;
  readonly item: T;
}

/**
 * A min-heap of future actions keyed by time. Insertion order breaks ties, so a seeded run
 * pops the same sequence every time (a plain sort by time would not promise that).
 */
export class Schedule<T> {
  private readonly heap: Entry<T>[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  add(at: number, item: T): void {
    const heap = this.heap;
    heap.push({ at, order: this.counter++, item });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      swap(heap, i, parent);
      i = parent;
    }
  }

  /** The earliest entry due at or before `now`, removed; undefined when nothing is due. */
  popDue(now: number): { readonly at: number; readonly item: T } | undefined {
    const top = this.heap[0];
    if (top === undefined || top.at > now) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.sinkFromTop();
    }
    return top;
  }

  /** Any scheduled item, for picking a random victim; index in [0, size). */
  itemAt(index: number): T | undefined {
    return this.heap[index]?.item;
  }

  private sinkFromTop(): void {
    const heap = this.heap;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < heap.length && before(heap[l]!, heap[smallest]!)) smallest = l;
      if (r < heap.length && before(heap[r]!, heap[smallest]!)) smallest = r;
      if (smallest === i) return;
      swap(heap, i, smallest);
      i = smallest;
    }
  }
}

function before<T>(a: Entry<T>, b: Entry<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}

function swap<T>(heap: T[], i: number, j: number): void {
  const t = heap[i]!;
  heap[i] = heap[j]!;
  heap[j] = t;
}
