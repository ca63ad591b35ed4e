/**
 * The text of every piece of engine-supplied text under `root` as a person reads it: an
 * UntrustedText cut in the middle holds its head and tail in two spans, which testing-library's
 * getByText (one element's own text) does not join.
 */
export function untrustedTexts(root: ParentNode = document): string[] {
  return [...root.querySelectorAll('bdi.untrusted')].map((el) => el.textContent ?? '');
}
