import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ClusterKeys } from './redis-keys';
import { daysAround } from './redis-keys';

/**
 * Rule 2 of docs/protocol.md, made atomic across relays: for each event, compare its seq with
 * the engine's highest accepted seq (kept in a hash), and only when it is new, bump the cluster
 * event counter and XADD the canonical event to today's stream. Redis runs one script at a
 * time, so a batch retried through a second relay finds the seqs already taken.
 *
 * Day rollover happens here too, on Redis's side, so relays with slightly different clocks
 * agree: the first append proposing a later day writes a `next` marker into the old stream and
 * moves `meta.stream`; the new stream's first id is placed after the marker so entry ids (the
 * SSE ids) keep increasing across days. A relay whose clock still says yesterday keeps writing
 * to the current day. Every key is declared (KEYS 3–5 are yesterday/today/tomorrow by the
 * calling relay's clock), as Redis Cluster wants.
 *
 * Each event is one field, `ev` = "<rseq> <at> <payload>" (see stream-entry.ts); the stream is
 * trimmed (`MAXLEN ~`) once per call rather than per entry, which costs Redis less and lets it
 * overshoot the cap by one batch at most.
 *
 * KEYS: lastSeq, meta, stream(yesterday), stream(today), stream(tomorrow)
 * ARGV: maxlen, ttl seconds, at (relay ms), then engine, seq ('' = none), payload per event.
 * Returns one entry id per event, or 0 for a duplicate.
 */
export const APPEND_LUA = `
local current = redis.call('HGET', KEYS[2], 'stream')
local target = KEYS[4]
local declared = current == KEYS[3] or current == KEYS[4] or current == KEYS[5]
if current then
  if declared then
    if current > target then target = current end
  elseif current > KEYS[5] then
    return redis.error_reply('OWCLOCK cluster day ' .. current .. ' is ahead of this relay by more than a day')
  end
end
local firstId = '*'
if current ~= target then
  if current and declared then
    local marker = redis.call('XADD', current, '*', 'next', target)
    if redis.call('XLEN', target) == 0 then
      local dash = string.find(marker, '-', 1, true)
      firstId = string.sub(marker, 1, dash - 1) .. '-' .. (tonumber(string.sub(marker, dash + 1)) + 1)
    end
  end
  redis.call('HSET', KEYS[2], 'stream', target)
end
local rseq = tonumber(redis.call('HGET', KEYS[2], 'rseq') or '0')
local suffix = ' ' .. ARGV[3] .. ' '
local added = 0
local last = {}
local touched = {}
local out = {}
for i = 4, #ARGV, 3 do
  local engine, seq, payload = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local fresh = true
  if seq ~= '' then
    local n = tonumber(seq)
    local seen = last[engine]
    if seen == nil then
      seen = tonumber(redis.call('HGET', KEYS[1], engine) or '') or false
      last[engine] = seen
    end
    if seen and n <= seen then
      fresh = false
    else
      last[engine] = n
      touched[engine] = seq
    end
  end
  if fresh then
    rseq = rseq + 1
    out[#out + 1] = redis.call('XADD', target, firstId, 'ev', rseq .. suffix .. payload)
    firstId = '*'
    added = added + 1
  else
    out[#out + 1] = 0
  end
end
if added > 0 then redis.call('XTRIM', target, 'MAXLEN', '~', ARGV[1]) end
for engine, seq in pairs(touched) do redis.call('HSET', KEYS[1], engine, seq) end
redis.call('HSET', KEYS[2], 'rseq', rseq)
redis.call('EXPIRE', target, ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return out
`;

const SHA = createHash('sha1').update(APPEND_LUA).digest('hex');

export interface AppendItem {
  readonly engine: string;
  readonly seq: number | undefined;
  /** The canonical event as JSON (wire v1, engine filled in, ts in epoch seconds). */
  readonly payload: string;
}

export interface AppendOptions {
  readonly keys: ClusterKeys;
  readonly maxLen: number;
  readonly ttlSeconds: number;
  readonly rolloverHourUtc: number;
}

/** One entry id per item, or null where the item was a duplicate. */
export async function appendBatch(
  redis: Redis,
  items: readonly AppendItem[],
  at: number,
  options: AppendOptions,
): Promise<(string | null)[]> {
  if (items.length === 0) return [];
  const [yesterday, today, tomorrow] = daysAround(at, options.rolloverHourUtc);
  const { keys } = options;
  const args: (string | number)[] = [
    keys.lastSeq,
    keys.meta,
    keys.stream(yesterday),
    keys.stream(today),
    keys.stream(tomorrow),
    options.maxLen,
    options.ttlSeconds,
    at,
  ];
  for (const item of items) args.push(item.engine, item.seq === undefined ? '' : String(item.seq), item.payload);
  let reply: unknown;
  try {
    reply = await redis.evalsha(SHA, 5, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    reply = await redis.eval(APPEND_LUA, 5, ...args);
  }
  if (!Array.isArray(reply) || reply.length !== items.length) throw new Error('append script: unexpected reply');
  return reply.map((id: unknown) => (typeof id === 'string' ? id : null));
}
