import type { ReactTable } from '@tanstack/react-table';
import type { Order } from '../../core/order';
import type { tableFeaturesUsed } from './order-columns';

export type OrdersTable = ReactTable<typeof tableFeaturesUsed, Order>;
