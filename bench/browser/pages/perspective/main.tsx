import { BenchPage } from '../bench-page';
import { boot } from '../boot';
import { PerspectiveOrdersGrid } from './perspective-orders-grid';

boot(<BenchPage table={<PerspectiveOrdersGrid />} />);
