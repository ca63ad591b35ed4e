import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

/** Compares secrets in constant time; hashing first hides the length too. */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header === undefined ? null : /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1];
}

/**
 * Requires `token` (when set) as a Bearer header or, where `allowQuery`, as `?token=`, since a
 * browser's EventSource and a wall screen's bookmarked URL cannot set headers.
 */
export function requireToken(token: string | undefined, realm: string, allowQuery: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (hasToken(c, token, allowQuery)) return next();
    c.header('WWW-Authenticate', `Bearer realm="${realm}"`);
    return c.json({ error: `${realm} token required` }, 401);
  };
}

/** Whether the request carries `token` (true when no token is configured). */
export function hasToken(c: Context, token: string | undefined, allowQuery: boolean): boolean {
  if (token === undefined) return true;
  const given = bearerToken(c) ?? (allowQuery ? c.req.query('token') : undefined);
  return given !== undefined && tokensMatch(given, token);
}
