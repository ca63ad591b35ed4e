import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ActResult } from '../../core/alert-book';
import type { z } from 'zod';
import {
  ackRequestSchema,
  readRequest,
  silenceRequestSchema,
  snoozeRequestSchema,
  unackRequestSchema,
} from '../../protocol/alert-messages';
import type { AlertService } from './alert-service';
import type { AlertStore } from './alert-journal';

/** An operator's request is a name, a comment and a number or two: anything bigger is a mistake. */
export const ALERT_BODY_MAX_BYTES = 16 * 1024;
const AUDIT_MAX = 500;

export interface AlertRouteDeps {
  readonly alerts: AlertService;
  readonly store: AlertStore;
  readonly viewGuard: MiddlewareHandler;
  /** OPERATE_TOKEN when set (else the view token): a viewer may see alerts without acting on them. */
  readonly operateGuard: MiddlewareHandler;
  readonly now: () => number;
}

async function body<T>(c: Context, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    return { ok: false, response: c.json({ error: 'body: want a JSON object' }, 400) };
  }
  const read = readRequest(schema, value);
  return read.ok ? read : { ok: false, response: c.json({ error: read.error }, 400) };
}

function reply(c: Context, result: ActResult & { id?: string }): Response {
  if (!result.ok) return c.json({ error: result.error }, result.status);
  return c.json({ ok: true, ...(result.id === undefined ? {} : { id: result.id }), changed: result.changed });
}

/**
 * GET /api/alerts, the audit trail, and the operator's actions (issue 16 §2). Actions are
 * Origin-checked by the app's guard like every state-changing request.
 */
export function mountAlertRoutes(app: Hono, deps: AlertRouteDeps): void {
  const { alerts, viewGuard, operateGuard } = deps;
  const limit = bodyLimit({
    maxSize: ALERT_BODY_MAX_BYTES,
    onError: (c) => c.json({ error: `body: over ${ALERT_BODY_MAX_BYTES} bytes` }, 413),
  });

  app.get('/api/alerts', viewGuard, (c) =>
    c.json(
      {
        now: deps.now(),
        alerts: alerts.list(),
        silences: [...alerts.book.silences.values()],
        engines: alerts.engines,
        stale_total: alerts.staleTotal,
      },
      200,
      { 'Cache-Control': 'no-store' },
    ),
  );

  app.get('/api/alerts/audit', viewGuard, (c) => {
    const asked = c.req.query('limit');
    const n = asked === undefined ? 100 : Number(asked);
    if (!Number.isInteger(n) || n < 1 || n > AUDIT_MAX)
      return c.json({ error: `limit: want an integer from 1 to ${AUDIT_MAX}, got ${asked}` }, 400);
    const beforeText = c.req.query('before');
    const before = beforeText === undefined ? undefined : Number(beforeText);
    if (before !== undefined && !Number.isInteger(before)) return c.json({ error: `before: want an entry number, got ${beforeText}` }, 400);
    return c.json({ entries: deps.store.audit(n, before) }, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/api/alerts/:id/ack', operateGuard, limit, async (c) => {
    const read = await body(c, ackRequestSchema);
    return read.ok ? reply(c, alerts.ack(c.req.param('id'), read.value)) : read.response;
  });

  app.post('/api/alerts/:id/snooze', operateGuard, limit, async (c) => {
    const read = await body(c, snoozeRequestSchema);
    return read.ok ? reply(c, alerts.snooze(c.req.param('id'), read.value)) : read.response;
  });

  app.post('/api/alerts/:id/unack', operateGuard, limit, async (c) => {
    const read = await body(c, unackRequestSchema);
    return read.ok ? reply(c, alerts.unack(c.req.param('id'), read.value.by)) : read.response;
  });

  app.post('/api/silences', operateGuard, limit, async (c) => {
    const read = await body(c, silenceRequestSchema);
    return read.ok ? reply(c, alerts.silence(read.value)) : read.response;
  });

  app.post('/api/silences/:id/expire', operateGuard, limit, async (c) => {
    const read = await body(c, unackRequestSchema);
    return read.ok ? reply(c, alerts.unsilence(c.req.param('id'), read.value.by)) : read.response;
  });
}
