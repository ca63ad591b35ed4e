import { useStaleCount } from '../store/use-stale-count';
import { useDocumentTitle } from './use-document-title';

/**
 * The tab title's stale count, in a component of its own: the page around it then does not
 * re-render (every feature in it) each time a new book scan lands.
 */
export function StaleTitle() {
  useDocumentTitle(useStaleCount());
  return null;
}
