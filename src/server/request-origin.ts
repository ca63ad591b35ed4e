import type { MiddlewareHandler } from 'hono';
import { isLoopbackHost } from './relay-config';

/** Names the relay answers to: loopback always, the address it is bound to, and `--allowed-hosts`. */
export interface HostRules {
  /** The bind address (`--host`); a wildcard (0.0.0.0, ::) names no host and adds nothing. */
  readonly boundHost: string;
  /** Extra names (`--allowed-hosts`); `*` turns the check off. */
  readonly allowedHosts: readonly string[];
}

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The name in a Host header or URL authority, without the port: `[::1]:8080` → `::1`. */
export function hostName(authority: string): string {
  const trimmed = authority.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(1, trimmed.indexOf(']') === -1 ? undefined : trimmed.indexOf(']'));
  const colon = trimmed.indexOf(':');
  return (colon === -1 ? trimmed : trimmed.slice(0, colon)).replace(/\.$/, '');
}

export function isAllowedHost(authority: string, rules: HostRules): boolean {
  if (rules.allowedHosts.includes('*')) return true;
  const name = hostName(authority);
  if (name === '') return false;
  if (isLoopbackHost(name)) return true;
  if (!WILDCARD_BINDS.has(rules.boundHost) && name === hostName(rules.boundHost.includes(':') ? `[${rules.boundHost}]` : rules.boundHost))
    return true;
  return rules.allowedHosts.some((h) => hostName(h) === name);
}

/**
 * A DNS-rebinding page reaches the relay under its own name, so a Host the relay does not answer
 * to is 421; a cross-site page can send a POST without reading the reply, so a state-changing
 * request whose Origin is not the relay's own is 403, token or not (a token in a form is no
 * defence once the page has it).
 */
export function requestOriginGuard(rules: HostRules): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!isAllowedHost(host, rules)) {
      return c.json(
        { error: `Host ${JSON.stringify(host.slice(0, 100))} is not this relay's (loopback, the bound address or --allowed-hosts)` },
        421,
      );
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !SAFE_METHODS.has(c.req.method) && !sameOrigin(origin, host)) {
      return c.json({ error: `Origin ${JSON.stringify(origin.slice(0, 100))} may not change this relay's state` }, 403);
    }
    await next();
  };
}

function sameOrigin(origin: string, host: string): boolean {
  if (!URL.canParse(origin)) return false; // "null" (sandboxed frames, file:) included
  const url = new URL(origin);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.trim().toLowerCase();
}
