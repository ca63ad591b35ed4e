import { BenchPage } from '../bench-page';
import { boot } from '../boot';
import { AgOrdersGrid } from './ag-orders-grid';

boot(<BenchPage table={<AgOrdersGrid />} />);
