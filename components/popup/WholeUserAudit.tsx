import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { parseReply, type CheckPermissionsMessage, type CheckPermissionsReply } from '@/utils/messages/protocol';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';
import { ResultView, type SignIn } from './ConnectionTest';
import { UserAudit } from './UserAudit';
import './connection.css';

export interface WholeUserAuditProps {
  profile: IntegrationProfile;
  options: OptionValues;
  /** The connection test's successful sign-in, or null before one. */
  signIn: SignIn | null;
  onShowConnection: () => void;
  /** The background round trip; tests pass a fake. */
  send?: (message: CheckPermissionsMessage) => Promise<unknown>;
}

const NO_ANSWER = 'The extension’s background did not answer. Reload the extension and try again.';
const defaultSend = (message: CheckPermissionsMessage): Promise<unknown> => browser.runtime.sendMessage(message);

/**
 * The Audit section's whole-user audit: the web services user's type, roles and rights read through the
 * connection test's sign-in, against what the integration needs, with the evidence export.
 */
export function WholeUserAudit({ profile, options, signIn, onShowConnection, send = defaultSend }: WholeUserAuditProps) {
  const ids = useId();
  const [busy, setBusy] = useState(false);
  const [probe, setProbe] = useState<CheckPermissionsReply | null>(null);

  // An audit speaks of one sign-in: a new test or another integration starts over.
  useEffect(() => setProbe(null), [signIn]);

  const run = async (): Promise<void> => {
    if (!signIn) return;
    setBusy(true);
    try {
      const answer = parseReply('ish/check-permissions', await send({
        type: 'ish/check-permissions',
        profileId: signIn.profileId,
        options,
        companyId: signIn.companyId,
        senderPassword: signIn.senderPassword,
      }));
      setProbe(answer ?? { kind: 'error', message: NO_ANSWER });
    } catch {
      setProbe({ kind: 'error', message: NO_ANSWER });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${ids}-h`} data-testid="ish-whole-user" className="cx">
      <h2 id={`${ids}-h`}>Whole-user audit</h2>
      {signIn === null || signIn.profileId !== profile.id ? (
        <>
          <p className="muted" data-testid="ish-audit-needs-sign-in">
            The audit reads the web services user’s type, roles and rights through a sign-in: test the connection first.
          </p>
          <div className="pp-buttons">
            <button type="button" data-testid="ish-show-connection" onClick={onShowConnection}>
              Go to Connection
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">Signed in to {signIn.companyId}: compare the user with what {profile.vendor} needs.</p>
          <button type="button" id="pp-audit-start" className="cx-button" data-testid="ish-check-permissions" disabled={busy} onClick={() => void run()}>
            {busy ? 'Auditing…' : 'Audit the whole user'}
          </button>
          {probe?.kind === 'error' && (
            <p className="cx-error" data-testid="ish-probe-error">
              {probe.message}
            </p>
          )}
          {probe?.kind === 'failed' && <ResultView result={probe.result} testId="ish-probe-result" />}
          {probe?.kind === 'findings' && <UserAudit reply={probe} profile={profile} options={options} />}
        </>
      )}
    </section>
  );
}
