/**
 * Page script for the profiling tools: scroll the order grid one row (40 px) per frame, wrapping
 * at the end, as bench:browser's scroll pass does. A string, so tsx's helpers never reach the page.
 */
export const SCROLL_GRID_EACH_FRAME = `(() => {
  const el = document.querySelector('.orders-grid__scroll');
  const step = () => {
    el.scrollTop = el.scrollTop + el.clientHeight >= el.scrollHeight - 2 ? 0 : el.scrollTop + 40;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})()`;
