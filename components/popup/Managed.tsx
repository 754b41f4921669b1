import type { ManagedProblem } from '@/utils/managed/config';

/** The words the popup puts on everything the organization's policy decides. */
export const SET_BY_ORGANIZATION = 'Set by your organization';

export function OrganizationLine({ name }: { name: string }) {
  return (
    <p className="pp-org" data-testid="ish-organization">
      <span className="pp-org-name">{name}</span> <span className="pp-org-by">· {SET_BY_ORGANIZATION}</span>
    </p>
  );
}

/** What of the policy was ignored and why, so the person who wrote it can fix it (page text, shown as text). */
export function PolicyProblems({ problems, more = 0 }: { problems: readonly ManagedProblem[]; /** Counted beyond those listed. */ more?: number }) {
  const count = problems.length + more;
  return (
    <section className="pp-policy" aria-labelledby="pp-policy" data-testid="ish-policy-problems" role="status">
      <h2 id="pp-policy">Your organization’s policy</h2>
      <p className="muted">
        {count === 1 ? 'One setting was' : `${count} settings were`} ignored; everything else applies. Tell
        whoever manages your browser:
      </p>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.key}-${i}`} data-testid="ish-policy-problem" data-key={p.key}>
            <code>{p.key}</code>: {p.message}
          </li>
        ))}
      </ul>
      {more > 0 && <p data-testid="ish-policy-more">and {more} more</p>}
    </section>
  );
}

export function ConnectionTestOff() {
  return (
    <section aria-labelledby="pp-connection-off" data-testid="ish-connection-off">
      <h2 id="pp-connection-off">Connection test</h2>
      <p className="muted">Your organization turned the connection test off. {SET_BY_ORGANIZATION}.</p>
    </section>
  );
}

/**
 * In the Audit section under the same policy: the whole-user audit signs in through the connection test,
 * so it is off too, and the section says so rather than leave it out without a word.
 */
export function WholeUserAuditOff() {
  return (
    <section aria-labelledby="pp-whole-user-off" data-testid="ish-whole-user-off" className="cx">
      <h2 id="pp-whole-user-off">Whole-user audit</h2>
      <p className="muted">
        The whole-user audit is off: it signs in through the connection test, and your organization’s policy turned the
        connection test off in this browser. Audits of Intacct’s pages, in the guide on each page, still work.{' '}
        {SET_BY_ORGANIZATION}.
      </p>
    </section>
  );
}
