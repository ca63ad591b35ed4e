import './alerts.css';
import { UntrustedText, LABEL_KEEP_END } from '../../components/untrusted-text';
import { formatAge, formatCount } from '../../lib/format';
import { useRelayNow } from '../../store/relay-clock';
import { useAlertsState } from './use-alerts';

/**
 * One line per engine (issue 16 §4): how long since it last spoke, its active, stale and
 * rejected orders, and whether the relay counts it silent. `strip`: the wall's one-line form.
 */
export function EngineHealthPanel({ variant = 'panel' }: { readonly variant?: 'panel' | 'strip' }) {
  const engines = useAlertsState((s) => s.engines);
  const now = useRelayNow();
  if (variant === 'strip') {
    return (
      <div className="engine-strip" aria-label="Engines" data-testid="engine-strip">
        {engines.map((e) => (
          <span key={e.engine} className={e.silent ? 'engine-strip__item engine-strip__item--silent' : 'engine-strip__item'}>
            <UntrustedText text={e.engine === '' ? '(unnamed)' : e.engine} keepEnd={LABEL_KEEP_END} />{' '}
            {e.silent ? `SILENT ${formatAge(Math.max(0, now - e.last_ts) / 1000)}` : 'live'}
          </span>
        ))}
      </div>
    );
  }
  return (
    <section className="engine-health" aria-label="Engine health" data-testid="engine-health">
      <h2 className="engine-health__title">Engines</h2>
      {engines.length === 0 ? (
        <p className="engine-health__empty">No engine has spoken yet.</p>
      ) : (
        <table className="engine-health__table">
          <thead>
            <tr>
              <th scope="col">Engine</th>
              <th scope="col">Last event</th>
              <th scope="col">Events/s</th>
              <th scope="col">Active</th>
              <th scope="col">Stale</th>
              <th scope="col">Rejected</th>
            </tr>
          </thead>
          <tbody>
            {engines.map((e) => (
              <tr
                key={e.engine}
                className={e.silent ? 'engine-health__row engine-health__row--silent' : 'engine-health__row'}
                data-silent={e.silent}
              >
                <th scope="row">
                  <UntrustedText text={e.engine === '' ? '(unnamed)' : e.engine} keepEnd={LABEL_KEEP_END} />
                </th>
                <td className="num">
                  {formatAge(Math.max(0, now - e.last_ts) / 1000)} ago{' '}
                  {e.silent ? <strong className="engine-health__silent">SILENT</strong> : null}
                </td>
                <td className="num">{e.events_per_s === undefined ? '—' : e.events_per_s.toFixed(1)}</td>
                <td className="num">{formatCount(e.active)}</td>
                <td className="num">{formatCount(e.stale)}</td>
                <td className="num">{formatCount(e.rejected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
