import { writeViewParams } from '../store/view-params';
import { useViewParams } from '../store/use-view-params';

/** Opens the wall view with the same filters, limits and token as this page. */
export function WallLink() {
  useViewParams();
  return (
    <a className="button button--quiet" href={writeViewParams(window.location.search, { view: 'wall', order: null })}>
      Wall view
    </a>
  );
}
