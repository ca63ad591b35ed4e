// Preloaded into a child process under test (`node --import .../peak-rss-on-exit.mjs`): writes its
// peak resident set size in KiB to $PEAK_RSS_FILE as it exits. Exact, unlike polling /proc, which
// can miss the last moments. Plain .mjs so it needs no TypeScript loader in the child.
import { writeFileSync } from 'node:fs';

const target = process.env.PEAK_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
