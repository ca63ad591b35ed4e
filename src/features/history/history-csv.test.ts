import { finishedOrders } from '../../../test/support/dom/memory-history';
import { historyToCsv } from './history-csv';

describe('historyToCsv', () => {
  it('writes the loaded rows with the live export’s BOM, line ends and formula guard', () => {
    const [a, b] = finishedOrders(2, Date.parse('2026-12-03T08:00:00Z'));
    const hostile = { ...a!, symbol: '=HYPERLINK("http://x")', engine: '+cmd', route: '@SUM(A1)' };
    const csv = historyToCsv([hostile, b!]);
    expect(csv.startsWith('\uFEFFclient_order_id,order_id,status,reason,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[1]).toContain("'+cmd");
    expect(lines[1]).toContain("'@SUM(A1)");
    expect(lines[2]).toMatch(/^h0000,,FILLED,,BTC-USD,buy,1000,100,/);
    expect(lines[2]).toContain('2026-12-03T08:00:00.500Z');
  });
});
