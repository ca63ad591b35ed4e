import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ClusterKeys } from './redis-keys';
import { joinInParts } from './entry-parts';
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
 * The new events of one call become one entry, `"<first rseq> <at>\n<payload>\n…"` in one `evs`
 * field, or over several `evp` fields when long (see entry-parts.ts and stream-entry.ts): Redis
 * and every relay's client pay per entry, so one per batch costs them a fraction of one per
 * event. The stream is trimmed (`MAXLEN ~`, counted in entries) once per call.
 *
 * KEYS: lastSeq, meta, stream(yesterday), stream(today), stream(tomorrow)
 * ARGV: maxlen, ttl seconds, at (relay ms), P, then the payloads joined by newlines in P parts
 * (the usual batch has no duplicate, and then they go into the entry as they came), then E and
 * the batch's E distinct engines, then one line per event, `"<engine's place, 1-based> <seq or
 * nothing>\n"`. Few arguments on purpose: the Redis client builds a command of thousands of
 * arguments piece by piece, ~1 ms per 2,000-event batch.
 * Returns { entry id ('' when every event was a duplicate), number of events it holds, its first
 * rseq, then the (0-based) indexes of the dropped duplicates }.
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
local partCount = tonumber(ARGV[4])
local enginesAt = 5 + partCount
local engineCount = tonumber(ARGV[enginesAt])
local last = {}
local touched = {}
local dropped = {}
local count = 0
local duplicates = 0
for place, seq in string.gmatch(ARGV[enginesAt + engineCount + 1], '(%d+) (%-?%d*)\\n') do
  local engine = ARGV[enginesAt + tonumber(place)]
  count = count + 1
  if seq ~= '' then
    local n = tonumber(seq)
    local seen = last[engine]
    if seen == nil then
      seen = tonumber(redis.call('HGET', KEYS[1], engine) or '') or false
      last[engine] = seen
    end
    if seen and n <= seen then
      dropped[count] = true
      duplicates = duplicates + 1
    else
      last[engine] = n
      touched[engine] = seq
    end
  end
end
local fresh = count - duplicates
local parts = {}
for p = 1, partCount do parts[p] = ARGV[4 + p] end
if duplicates > 0 and fresh > 0 then
  local keptParts = {}
  local k = 0
  for p = 1, partCount do
    local part = parts[p]
    local kept = {}
    local pos = 1
    while pos <= #part + 1 do
      local stop = string.find(part, '\\n', pos, true) or (#part + 1)
      k = k + 1
      if not dropped[k] then kept[#kept + 1] = string.sub(part, pos, stop - 1) end
      pos = stop + 1
    end
    if #kept > 0 then keptParts[#keptParts + 1] = table.concat(kept, '\\n') end
  end
  parts = keptParts
end
local id = ''
if fresh > 0 then
  local name = 'evs'
  if #parts > 1 then name = 'evp' end
  local fields = { name, (rseq + 1) .. ' ' .. ARGV[3] .. '\\n' .. parts[1] }
  for p = 2, #parts do
    fields[#fields + 1] = name
    fields[#fields + 1] = parts[p]
  end
  -- Two values per part; Lua unpacks ~8,000 at most, and a part holds at least one of at most 2,000 events.
  id = redis.call('XADD', target, firstId, unpack(fields))
  rseq = rseq + fresh
  redis.call('XTRIM', target, 'MAXLEN', '~', ARGV[1])
end
for engine, seq in pairs(touched) do redis.call('HSET', KEYS[1], engine, seq) end
redis.call('HSET', KEYS[2], 'rseq', rseq)
redis.call('EXPIRE', target, ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
local out = { id, fresh, rseq - fresh + 1 }
for k = 1, count do if dropped[k] then out[#out + 1] = k - 1 end end
return out
`;

const SHA = createHash('sha1').update(APPEND_LUA).digest('hex');

export interface AppendItem {
  readonly engine: string;
  readonly seq: number | undefined;
  /** The canonical event as JSON (wire v1, engine filled in, ts in epoch seconds): never a raw newline. */
  readonly payload: string;
}

export interface AppendOptions {
  readonly keys: ClusterKeys;
  readonly maxLen: number;
  readonly ttlSeconds: number;
  readonly rolloverHourUtc: number;
}

/** What one append did: the entry holding the new events, and how many were new. */
export interface AppendResult {
  /** The entry id; undefined when every event was a duplicate. */
  readonly id: string | undefined;
  readonly accepted: number;
  readonly duplicates: number;
  /** The cluster rseq of the entry's first event. */
  readonly firstRseq: number;
  /** Indexes (in the batch) of the events dropped as duplicates, in order. */
  readonly dropped: readonly number[];
}

/** Appends the batch's new events as one entry; events already taken (by seq) are dropped. */
export async function appendBatch(
  redis: Redis,
  items: readonly AppendItem[],
  at: number,
  options: AppendOptions,
  /** The payloads already joined (`joinInParts`), when the caller has them. */
  parts: readonly string[] = joinInParts(items.map((item) => item.payload)),
): Promise<AppendResult> {
  if (items.length === 0) return { id: undefined, accepted: 0, duplicates: 0, firstRseq: 0, dropped: [] };
  const [yesterday, today, tomorrow] = daysAround(at, options.rolloverHourUtc);
  const { keys } = options;
  // Buffers, not strings: given only strings, the client joins the whole command into one
  // string, which at this size V8 makes in its slow large-object space (see entry-parts.ts).
  const args: (string | number | Buffer)[] = [
    keys.lastSeq,
    keys.meta,
    keys.stream(yesterday),
    keys.stream(today),
    keys.stream(tomorrow),
    options.maxLen,
    options.ttlSeconds,
    at,
    parts.length,
  ];
  for (const part of parts) args.push(Buffer.from(part));
  const { engines, lines } = dedupLines(items);
  args.push(engines.length, ...engines, Buffer.from(lines));
  let reply: unknown;
  try {
    reply = await redis.evalsha(SHA, 5, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    reply = await redis.eval(APPEND_LUA, 5, ...args);
  }
  if (!Array.isArray(reply) || typeof reply[0] !== 'string' || typeof reply[1] !== 'number' || typeof reply[2] !== 'number')
    throw new Error('append script: unexpected reply');
  const accepted = reply[1];
  const dropped = (reply.slice(3) as unknown[]).filter((k): k is number => typeof k === 'number');
  return { id: reply[0] === '' ? undefined : reply[0], accepted, duplicates: items.length - accepted, firstRseq: reply[2], dropped };
}

/** The batch's distinct engines, and per event its engine's place among them (1-based) and seq. */
function dedupLines(items: readonly AppendItem[]): { engines: string[]; lines: string } {
  const places = new Map<string, number>();
  const engines: string[] = [];
  let lines = '';
  for (const { engine, seq } of items) {
    let place = places.get(engine);
    if (place === undefined) {
      place = engines.push(engine);
      places.set(engine, place);
    }
    lines += seq === undefined ? `${place} \n` : `${place} ${seq}\n`;
  }
  return { engines, lines };
}
