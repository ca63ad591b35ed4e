/**
 * The text of one UntrustedText (a `bdi.untrusted`) as a person reads it. One cut in the middle
 * holds its head and tail in two spans for the eye and the whole value once more, visually
 * hidden, for assistive technology: that copy is what a reader gets.
 */
export function untrustedText(el: Element): string {
  return (el.querySelector('.untrusted__whole') ?? el).textContent ?? '';
}

/** The text of every UntrustedText under `root`, in document order. */
export function untrustedTexts(root: ParentNode = document): string[] {
  return [...root.querySelectorAll('bdi.untrusted')].map(untrustedText);
}
