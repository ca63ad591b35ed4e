/**
 * Probe k = 0 is the value the probe order has in the preloaded snapshot: its appearance is the
 * first full render.
 *
 * Injected into every variant's page before its own scripts (page.addInitScript), so every
 * figure is taken the same way from outside the app: probe values appearing in the DOM, frames,
 * long-animation-frame blocking time, and a scroll driver.
 */
export interface BenchWindow {
  /** Probe k → epoch ms of the animation frame after its value appeared in the DOM. */
  seen: Record<number, number>;
  frames: number;
  loafBlockingMs: number;
  loafCount: number;
  /** performance.now() of the last reset. */
  since: number;
  reset(): void;
  startScroll(): boolean;
  stopScroll(): void;
}

declare global {
  interface Window {
    __bench?: BenchWindow;
  }
}

/** The function Playwright serializes into the page; it may use only what it declares. */
export function installInstruments(probe: { pattern: string; base: number }): void {
  const epoch = (): number => performance.timeOrigin + performance.now();
  const pattern = new RegExp(probe.pattern, 'g');
  let scrollTimer = 0;
  const shadowRoots: ShadowRoot[] = [];
  const bench: BenchWindow = {
    seen: {},
    frames: 0,
    loafBlockingMs: 0,
    loafCount: 0,
    since: performance.now(),
    reset() {
      bench.frames = 0;
      bench.loafBlockingMs = 0;
      bench.loafCount = 0;
      bench.since = performance.now();
    },
    startScroll() {
      let best: Element | null = null;
      let bestArea = 0;
      const everywhere = [document, ...shadowRoots].flatMap((root) => [...root.querySelectorAll('*')]);
      for (const el of everywhere) {
        if (el.scrollHeight - el.clientHeight < 2_000) continue;
        const area = el.clientHeight * el.clientWidth;
        if (area > bestArea) {
          best = el;
          bestArea = area;
        }
      }
      if (best === null) return false;
      const target = best;
      const step = (): void => {
        target.scrollTop = target.scrollTop + target.clientHeight >= target.scrollHeight - 2 ? 0 : target.scrollTop + 40;
        scrollTimer = requestAnimationFrame(step);
      };
      scrollTimer = requestAnimationFrame(step);
      return true;
    },
    stopScroll() {
      cancelAnimationFrame(scrollTimer);
    },
  };
  window.__bench = bench;

  const frame = (): void => {
    bench.frames++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        bench.loafBlockingMs += (entry as PerformanceEntry & { blockingDuration: number }).blockingDuration;
        bench.loafCount++;
      }
    }).observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    // No LoAF in this browser: the figure stays 0 and the report says so.
  }

  let pending: number[] = [];
  let closing = false;
  const look = (text: string | null): void => {
    if (text === null || text.length === 0) return;
    if (!text.includes('7,7')) return;
    for (const match of text.matchAll(pattern)) {
      const k = Number(match[0].replace(/,/g, '').replace(/\.00$/, '')) - probe.base;
      if (bench.seen[k] === undefined) pending.push(k);
    }
  };
  const close = (): void => {
    if (closing) return;
    closing = true;
    requestAnimationFrame(() => {
      const at = epoch();
      for (const k of pending) if (bench.seen[k] === undefined) bench.seen[k] = at;
      pending = [];
      closing = false;
    });
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') look(record.target.nodeValue);
      else for (const node of record.addedNodes) look(node.textContent);
    }
    if (pending.length > 0) close();
  });
  const watched = { subtree: true, childList: true, characterData: true };
  const start = (): void => observer.observe(document.documentElement, watched);
  // A grid that renders inside shadow roots (Perspective's datagrid does) is invisible to an
  // observer on the document: watch every shadow root as it is attached, open or closed.
  const attachShadow = Object.getOwnPropertyDescriptor(Element.prototype, 'attachShadow')!.value as (
    this: Element,
    init: ShadowRootInit,
  ) => ShadowRoot;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = attachShadow.call(this, init);
    shadowRoots.push(root);
    observer.observe(root, watched);
    return root;
  };
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}
