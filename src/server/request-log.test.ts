import { describe, expect, it } from 'vitest';
import { logsRequests } from './request-log';

describe('logsRequests', () => {
  it('on a terminal, no line per request unless asked for', () => {
    expect(logsRequests(undefined, true)).toBe(false);
    expect(logsRequests(true, true)).toBe(true);
  });

  it('as a service or in CI (stdout not a terminal), every request unless turned off', () => {
    expect(logsRequests(undefined, false)).toBe(true);
    expect(logsRequests(false, false)).toBe(false);
  });
});
