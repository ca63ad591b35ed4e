import type { ComponentType } from 'react';
import { lazy, Suspense } from 'react';

type WallModule = { WallView?: ComponentType; default?: ComponentType };

// A glob, not an import: the build still works before the wall feature exists.
const modules = import.meta.glob<WallModule>('../features/wall/wall-view.tsx');
const load = modules['../features/wall/wall-view.tsx'];

const LazyWall =
  load === undefined
    ? null
    : lazy(async () => {
        const mod = await load();
        const View = mod.WallView ?? mod.default;
        return { default: View ?? WallPlaceholder };
      });

function WallPlaceholder() {
  return <p className="slot-placeholder">The wall view is not built yet.</p>;
}

export function WallRoute() {
  if (LazyWall === null) return <WallPlaceholder />;
  return (
    <Suspense fallback={<p className="slot-placeholder">Loading the wall view…</p>}>
      <LazyWall />
    </Suspense>
  );
}
