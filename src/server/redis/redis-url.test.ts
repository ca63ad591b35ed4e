import { parseRedisUrl } from './redis-url';

describe('parseRedisUrl', () => {
  it('reads host, port and database', () => {
    expect(parseRedisUrl('redis://10.0.0.5:6380/3')).toMatchObject({ host: '10.0.0.5', port: 6380, db: 3 });
  });

  it('defaults to port 6379 and database 0', () => {
    expect(parseRedisUrl('redis://cache.internal')).toMatchObject({ port: 6379, db: 0 });
  });

  it.each(['localhost:6379', 'http://x:1', 'redis://h:1/16', 'redis://h:1/x'])('refuses %s', (text) => {
    expect(() => parseRedisUrl(text)).toThrow(/--store/);
  });
});
