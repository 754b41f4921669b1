import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { parseReply, type CheckPermissionsMessage, type TestConnectionMessage, type TestConnectionReply } from '@/utils/messages/protocol';
import { CODE_LABELS, type ConnectionCode, type ExplainedResult } from '@/utils/intacct/explain';
import { profileName } from '@/utils/profiles/registry';
import type { IntegrationProfile, OptionValues } from '@/utils/profiles/schema';
import { connectionStoreItem, lastCompanyItem, parseCompany, parseConnectionStore, stateOf } from '@/utils/storage/connection';
import type { ConnectionState } from '@/utils/intacct/connection-state';
import { companyIdItem } from '@/utils/storage/items';
import './connection.css';

export type SendMessage = (message: TestConnectionMessage | CheckPermissionsMessage) => Promise<unknown>;

export interface ConnectionTestProps {
  profile: IntegrationProfile;
  options: OptionValues;
  /** The background round trip; tests pass a fake. */
  send?: SendMessage;
  /** A sign-in that succeeded and can audit the whole user, or null once it no longer holds. */
  onSignedIn?: (signIn: SignIn | null) => void;
  /** Opens the Audit section, where the whole-user audit runs on this sign-in. */
  onShowAudit?: () => void;
}

/** What the whole-user audit needs of a successful test; held in the popup's memory only. */
export interface SignIn {
  companyId: string;
  profileId: string;
  senderPassword: string;
}

interface Form {
  companyId: string;
  userId: string;
  userPassword: string;
  senderId: string;
  senderPassword: string;
  locationId: string;
}

const defaultSend: SendMessage = (message) => browser.runtime.sendMessage(message);

function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A password the popup holds in memory only; the browser is asked not to offer to save it. */
function PasswordField(props: { label: string; testId: string; value: string; onChange: (e: { target: { value: string } }) => void }) {
  return (
    <label>
      {props.label}
      <input data-testid={props.testId} type="password" value={props.value} onChange={props.onChange} required autoComplete="off" />
    </label>
  );
}

function StateLine({ state, companyId, profile }: { state: ConnectionState | null; companyId: string; profile: IntegrationProfile }) {
  const company = companyId.trim() || 'this company';
  if (!state) {
    return (
      <p className="cx-state" data-testid="ish-connection-state" data-state="never">
        Web services sign-in for {profileName(profile)} in {company}: never tested.
      </p>
    );
  }
  return state.status === 'connected' ? (
    <p className="cx-state cx-state-ok" data-testid="ish-connection-state" data-state="connected">
      {/* The test signs in with the admin's own sender, not the vendor's: it proves the user, company and
          Web Services, not the vendor's sender authorization (the Security page's check covers that). */}
      ✓ Web services sign-in for {profileName(profile)} in {company} works ({when(state.at)}), tested with your own sender
      ID.
    </p>
  ) : (
    <p className="cx-state cx-state-bad" data-testid="ish-connection-state" data-state="failing" data-code={state.code}>
      ! Web services sign-in for {profileName(profile)} in {company} fails: {CODE_LABELS[state.code as ConnectionCode] ?? state.code} ({when(state.at)}).
    </p>
  );
}

export function ResultView({ result, testId }: { result: ExplainedResult; testId: string }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  return (
    <div
      className={`cx-result cx-sev-${result.severity}`}
      data-testid={testId}
      data-code={result.code}
      data-severity={result.severity}
      role="status"
    >
      <strong className="cx-title">{result.title}</strong>
      <p className="cx-sentence">{result.sentence}</p>
      {result.fix && (
        <p className="cx-fix" data-testid="ish-conn-fix" data-step-id={result.fix.id}>
          <b>
            Step {result.fix.number}: {result.fix.title}
          </b>
          <span className="cx-menu">{result.fix.menuPath}</span>
        </p>
      )}
      {result.errors.length > 0 && (
        <>
          <button
            type="button"
            className="cx-link"
            aria-expanded={open}
            aria-controls={detailsId}
            data-testid="ish-conn-details-toggle"
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide' : 'Show'} Intacct’s error details
          </button>
          {open && (
            <ul className="cx-errors" id={detailsId} data-testid="ish-conn-details">
              {result.errors.map((e, i) => (
                <li key={i} data-testid="ish-conn-error">
                  {e.errorno && <code>{e.errorno}</code>}
                  {e.description && <span>{e.description}</span>}
                  {e.description2 && <span>{e.description2}</span>}
                  {e.correction && <span className="cx-correction">Correction: {e.correction}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/**
 * The popup's connection test: the form, the diagnosis with the step that fixes it, the stored state for
 * this company and integration, and the way on to the whole-user audit after a successful sign-in. The
 * passwords live in the popup's memory only: they go to the background in the message and nowhere else.
 */
export function ConnectionTest({ profile, options, send = defaultSend, onSignedIn, onShowAudit }: ConnectionTestProps) {
  const defaultUser = profile.wsUser.userId ?? '';
  const [form, setForm] = useState<Form>({
    companyId: '',
    userId: defaultUser,
    userPassword: '',
    senderId: '',
    senderPassword: '',
    locationId: '',
  });
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState<TestConnectionReply | null>(null);
  const [stored, setStored] = useState<ConnectionState | null>(null);
  const previousDefault = useRef(defaultUser);
  const ids = useId();

  // The company the Intacct tab showed, once, if the admin has not typed one: the background's record of
  // the frameset's .cc first, then the one the overlay read from the page (the checklist's).
  useEffect(() => {
    void (async () => {
      const company = parseCompany(await lastCompanyItem.getValue()) ?? parseCompany(await companyIdItem.getValue());
      if (company) setForm((f) => (f.companyId === '' ? { ...f, companyId: company } : f));
    })();
  }, []);

  // A new integration brings its own user ID unless the admin typed another.
  useEffect(() => {
    setForm((f) => (f.userId === '' || f.userId === previousDefault.current ? { ...f, userId: defaultUser } : f));
    previousDefault.current = defaultUser;
    setReply(null);
    onSignedIn?.(null);
    // Only a new integration resets the sign-in; a new callback from the parent does not.
  }, [profile.id, defaultUser]);

  useEffect(() => {
    const show = (value: unknown) => setStored(stateOf(parseConnectionStore(value), form.companyId, profile.id));
    void connectionStoreItem.getValue().then(show);
    return connectionStoreItem.watch(show);
  }, [form.companyId, profile.id]);

  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    onSignedIn?.(null);
    try {
      const message: TestConnectionMessage = {
        type: 'ish/test-connection',
        profileId: profile.id,
        options,
        companyId: form.companyId.trim(),
        userId: form.userId.trim(),
        userPassword: form.userPassword,
        senderId: form.senderId.trim(),
        senderPassword: form.senderPassword,
        ...(form.locationId.trim() ? { locationId: form.locationId.trim() } : {}),
      };
      const answer = parseReply('ish/test-connection', await send(message));
      setReply(answer ?? { kind: 'error', message: 'The extension’s background did not answer. Reload the extension and try again.' });
      if (answer?.kind === 'tested' && answer.canCheckPermissions) {
        onSignedIn?.({ companyId: message.companyId, profileId: profile.id, senderPassword: message.senderPassword });
      }
    } catch {
      setReply({ kind: 'error', message: 'The extension’s background did not answer. Reload the extension and try again.' });
    } finally {
      setBusy(false);
    }
  };

  const vendorSenders = profile.senderIds.map((s) => `“${s.id}”`).join(' or ');
  const canProbe = reply?.kind === 'tested' && reply.canCheckPermissions;

  return (
    <section aria-labelledby={`${ids}-h`} data-testid="ish-connection" className="cx">
      <h2 id={`${ids}-h`}>Connection test</h2>
      <StateLine state={stored} companyId={form.companyId} profile={profile} />
      <form onSubmit={(e) => void submit(e)} autoComplete="off">
        <div className="cx-grid">
          <label>
            Company ID
            <input data-testid="ish-conn-company" value={form.companyId} onChange={set('companyId')} required spellCheck={false} />
          </label>
          <label>
            Entity ID <span className="cx-opt">(optional)</span>
            <input data-testid="ish-conn-entity" value={form.locationId} onChange={set('locationId')} spellCheck={false} />
          </label>
          <label>
            Web services user ID
            <input data-testid="ish-conn-user" value={form.userId} onChange={set('userId')} required spellCheck={false} />
          </label>
          <PasswordField label="User password" testId="ish-conn-user-password" value={form.userPassword} onChange={set('userPassword')} />
        </div>
        {/* ASSUMED: only the vendor knows its sender password, so a test from here needs a sender the company owns. */}
        <p className="help cx-sender-help">
          {vendorSenders
            ? `${profileName(profile)}’s sender ID ${vendorSenders} has a password only ${profile.vendor} knows: test with a sender ID your company owns, authorized the same way.`
            : 'Test with a sender ID and password your company owns, authorized under Web Services Authorizations.'}
        </p>
        <div className="cx-grid">
          <label>
            Your sender ID
            <input data-testid="ish-conn-sender" value={form.senderId} onChange={set('senderId')} required spellCheck={false} />
          </label>
          <PasswordField label="Sender password" testId="ish-conn-sender-password" value={form.senderPassword} onChange={set('senderPassword')} />
        </div>
        <button type="submit" className="cx-button" data-testid="ish-conn-test" disabled={busy}>
          {busy ? 'Testing…' : 'Test connection'}
        </button>
      </form>

      {reply?.kind === 'error' && (
        <p className="cx-error" data-testid="ish-conn-error-message">
          {reply.message}
        </p>
      )}
      {reply?.kind === 'tested' && <ResultView result={reply.result} testId="ish-conn-result" />}

      {canProbe && (
        <div className="cx-probe" data-testid="ish-conn-next">
          <p className="cx-next">Signed in. Next, audit the whole user: its user type, roles and every right.</p>
          {onShowAudit && (
            <button type="button" className="cx-button cx-secondary" data-testid="ish-show-audit" onClick={onShowAudit}>
              Audit the whole user…
            </button>
          )}
        </div>
      )}
    </section>
  );
}
