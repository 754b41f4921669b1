import { useState, type ReactNode } from 'react';
import { itemsOnPages } from '@/utils/checklist/progress';
import type { ManagedState } from '@/utils/managed/config';
import { profileName } from '@/utils/profiles/registry';
import type { IntegrationProfile } from '@/utils/profiles/schema';
import type { FrameRecord } from '@/utils/storage/frames';
import type { IntegrationSelection } from '@/utils/storage/selection';
import { AuditHistory } from './AuditHistory';
import { PageComparison } from './PageComparison';
import { Checklist } from './Checklist';
import { ConnectionTest, type SendMessage, type SignIn } from './ConnectionTest';
import { IntegrationSettings, chosenOptions } from './IntegrationSettings';
import { ConnectionTestOff, OrganizationLine, PolicyProblems, WholeUserAuditOff } from './Managed';
import { PackageDownload, ProfileImport } from './PackageDownload';
import { Reviewer } from './Reviewer';
import { SectionPanel, SectionTabs } from './SectionTabs';
import { initialSection, type Section } from './sections';
import { TabFrames } from './TabFrames';
import { TaughtRules } from './TaughtRules';
import type { ChecklistState } from './useChecklist';
import { WholeUserAudit } from './WholeUserAudit';

export interface PopupProps {
  profiles: readonly IntegrationProfile[];
  selection: IntegrationSelection;
  onSelectionChange: (next: IntegrationSelection) => void;
  /** Recognized frames of the Intacct tab the admin is on; null while loading or when no tab is known. */
  frames: FrameRecord[] | null;
  /** An admin-supplied profile was imported (the container stores and selects it). */
  onProfileImported?: (profile: IntegrationProfile) => void;
  /** Progress of the chosen integration's steps in this company. */
  checklist?: ChecklistState;
  /** The Intacct tab the popup speaks of, for probing its frames. */
  tabId?: number | null;
  /** The organization's policy: what it locks, hides and names, and what of it was ignored. */
  managed?: ManagedState;
  /** The section to open on; by default the one the address names, else Setup. */
  section?: Section;
  /** The background round trip of the connection test and the audit; tests pass a fake. */
  send?: SendMessage;
}

/** A setting set once: folded to one line, so Settings' first view fits the popup. */
function Disclosure({ setting, title, hint, children }: { setting: string; title: string; hint: string; children: ReactNode }) {
  return (
    <details className="pp-more" data-testid="ish-setting" data-setting={setting}>
      <summary>
        <span className="pp-more-title">{title}</span> <span className="pp-more-hint">· {hint}</span>
      </summary>
      {children}
    </details>
  );
}

/**
 * The popup in sections (issue #13): it opens on Setup — where the open Intacct page is in the setup, and
 * the checklist — with Connection, Package, Audit and Settings one click or arrow key away.
 */
export function Popup({ profiles, selection, onSelectionChange, frames, onProfileImported, checklist, tabId = null, managed, section, send }: PopupProps) {
  const [active, setActive] = useState<Section>(() => section ?? initialSection(typeof location === 'undefined' ? '' : location.hash));
  // The connection test's sign-in, for the whole-user audit: memory only, gone when the popup closes.
  const [signIn, setSignIn] = useState<SignIn | null>(null);
  const profile = profiles.find((p) => p.id === selection.profileId) ?? profiles[0];
  const locked = managed?.config.lockIntegration === true;
  const problems = managed?.problems ?? [];
  const problemCount = problems.length + (managed?.more ?? 0);
  const items = checklist?.items ?? [];
  const done = items.filter((i) => i.state !== 'todo').length;
  const here = itemsOnPages(items, (frames ?? []).map((f) => f.kind));

  const show = (next: Section, focusId?: string): void => {
    setActive(next);
    // After the panel is shown, so the element can take focus.
    if (focusId) setTimeout(() => document.getElementById(focusId)?.focus(), 0);
  };

  return (
    <main className="pp" data-testid="ish-popup" data-section={active}>
      <header className="pp-head">
        <h1>Intacct Setup Helper</h1>
        {profile && (
          <p className="pp-connecting" data-testid="ish-connecting">
            <span className="pp-connecting-name">{profileName(profile)}</span>
            {chosenOptions(profile, selection).map((option) => (
              <span className="pp-connecting-option" key={option.full} title={option.full}>
                {' · '}
                {option.short}
              </span>
            ))}{' '}
            <button type="button" className="pp-link" data-testid="ish-change-integration" onClick={() => show('settings', 'pp-integration-select')}>
              {locked ? 'Details' : 'Change'}
            </button>
          </p>
        )}
        {managed?.config.organizationName && <OrganizationLine name={managed.config.organizationName} />}
        {problems.length > 0 && (
          <p className="pp-policy-line" role="status" data-testid="ish-policy-note">
            {problemCount === 1 ? 'One setting' : `${problemCount} settings`} of your organization’s policy{' '}
            {problemCount === 1 ? 'was' : 'were'} ignored.{' '}
            <button type="button" className="pp-link" onClick={() => show('settings')}>
              See Settings
            </button>
          </p>
        )}
      </header>
      <SectionTabs
        active={active}
        onChange={(next) => show(next)}
        badges={{ setup: items.length ? `${done}/${items.length}` : undefined }}
      />
      <SectionPanel section="setup" active={active}>
        <TabFrames frames={frames} tabId={tabId} here={here} steps={items.length} />
        {checklist && (
          <Checklist companyId={checklist.companyId} items={checklist.items} onTick={checklist.tick} here={here.map((i) => i.step.id)} />
        )}
      </SectionPanel>
      <SectionPanel section="connection" active={active}>
        {profile &&
          (managed?.config.hideConnectionTest ? (
            <ConnectionTestOff />
          ) : (
            <ConnectionTest profile={profile} options={selection.options} send={send} onSignedIn={setSignIn} onShowAudit={() => show('audit', 'pp-audit-start')} />
          ))}
      </SectionPanel>
      <SectionPanel section="package" active={active}>
        {profile && <PackageDownload profile={profile} />}
      </SectionPanel>
      <SectionPanel section="audit" active={active}>
        <PageComparison />
        {profile &&
          (managed?.config.hideConnectionTest ? (
            <WholeUserAuditOff />
          ) : (
            <WholeUserAudit profile={profile} options={selection.options} signIn={signIn} onShowConnection={() => show('connection')} send={send} />
          ))}
        <AuditHistory />
      </SectionPanel>
      <SectionPanel section="settings" active={active}>
        {problems.length > 0 && <PolicyProblems problems={problems} more={managed?.more ?? 0} />}
        <IntegrationSettings profiles={profiles} profile={profile} selection={selection} onSelectionChange={onSelectionChange} locked={locked} />
        {onProfileImported && (
          <Disclosure setting="custom-profile" title="Custom profile" hint="import a profile file">
            <ProfileImport onImported={onProfileImported} />
          </Disclosure>
        )}
        <Disclosure setting="taught" title="Taught pages and fields" hint="pages and fields you showed the helper">
          <TaughtRules />
        </Disclosure>
        <Disclosure setting="reviewer" title="Reviewer" hint="your name on audit evidence">
          <Reviewer />
        </Disclosure>
      </SectionPanel>
    </main>
  );
}
