import { BenchPage } from '../bench-page';
import { boot } from '../boot';

// Ingest, store, tiles and charts with no table: separates the cost of the feed from the table's.
boot(<BenchPage table={null} />);
