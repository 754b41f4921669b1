import { profileName } from '@/utils/profiles/registry';
import type { ManagedState } from '@/utils/managed/config';
import type { IntegrationProfile } from '@/utils/profiles/schema';
import type { FrameRecord } from '@/utils/storage/frames';
import type { IntegrationSelection } from '@/utils/storage/selection';
import { AuditSettings } from './AuditSettings';
import { Checklist } from './Checklist';
import { ConnectionTest } from './ConnectionTest';
import type { ChecklistState } from './useChecklist';
import { PackageDownload, ProfileImport } from './PackageDownload';
import { TabFrames } from './TabFrames';
import { TaughtRules } from './TaughtRules';
import { ConnectionTestOff, OrganizationLine, PolicyProblems, SET_BY_ORGANIZATION } from './Managed';

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
}

export function Popup({ profiles, selection, onSelectionChange, frames, onProfileImported, checklist, tabId = null, managed }: PopupProps) {
  const profile = profiles.find((p) => p.id === selection.profileId) ?? profiles[0];
  const locked = managed?.config.lockIntegration === true;
  return (
    <main className="pp" data-testid="ish-popup">
      <h1>Intacct Setup Helper</h1>
      {managed?.config.organizationName && <OrganizationLine name={managed.config.organizationName} />}
      {managed && managed.problems.length > 0 && <PolicyProblems problems={managed.problems} />}
      <section aria-labelledby="pp-integration">
        <h2 id="pp-integration">Integration</h2>
        {locked && (
          <p className="pp-locked" id="pp-locked" data-testid="ish-locked">
            {SET_BY_ORGANIZATION}
          </p>
        )}
        <label>
          Connecting
          <select
            data-testid="ish-integration"
            disabled={locked}
            aria-describedby={locked ? 'pp-locked' : undefined}
            value={profile?.id}
            onChange={(e) => onSelectionChange({ profileId: e.target.value, options: {} })}
          >
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {profileName(p)}
              </option>
            ))}
          </select>
        </label>
        {profile?.options.map((option) => (
          <div key={option.id}>
            <label>
              {option.label}
              <select
                data-testid={`ish-option-${option.id}`}
                disabled={locked}
                aria-describedby={locked ? 'pp-locked' : undefined}
                value={selection.options[option.id] ?? option.default}
                onChange={(e) =>
                  onSelectionChange({ ...selection, options: { ...selection.options, [option.id]: e.target.value } })
                }
              >
                {option.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            {option.help && <p className="help">{option.help}</p>}
          </div>
        ))}
      </section>
      <TabFrames frames={frames} tabId={tabId} />
      {checklist && <Checklist companyId={checklist.companyId} items={checklist.items} onTick={checklist.tick} />}
      {profile && (managed?.config.hideConnectionTest ? <ConnectionTestOff /> : <ConnectionTest profile={profile} options={selection.options} />)}
      <AuditSettings />
      {profile && <PackageDownload profile={profile} />}
      {onProfileImported && <ProfileImport onImported={onProfileImported} />}
      <TaughtRules />
    </main>
  );
}
