import { profileName } from '@/utils/profiles/registry';
import type { IntegrationProfile } from '@/utils/profiles/schema';
import type { IntegrationSelection } from '@/utils/storage/selection';
import { SET_BY_ORGANIZATION } from './Managed';

export interface IntegrationSettingsProps {
  profiles: readonly IntegrationProfile[];
  profile: IntegrationProfile | undefined;
  selection: IntegrationSelection;
  onSelectionChange: (next: IntegrationSelection) => void;
  /** The organization's policy chose the integration and its options. */
  locked: boolean;
}

/** The integration and its options: set once, so they live in Settings, not on the first view. */
export function IntegrationSettings({ profiles, profile, selection, onSelectionChange, locked }: IntegrationSettingsProps) {
  return (
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
          id="pp-integration-select"
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
              onChange={(e) => onSelectionChange({ ...selection, options: { ...selection.options, [option.id]: e.target.value } })}
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
  );
}

/** A chosen option as the header shows it ("Expense reports") and in full, for its tooltip and Settings. */
export interface ChosenOption {
  short: string;
  full: string;
}

export function chosenOptions(profile: IntegrationProfile, selection: IntegrationSelection): ChosenOption[] {
  return profile.options.flatMap((option) => {
    const choice = option.choices.find((c) => c.value === (selection.options[option.id] ?? option.default));
    return choice ? [{ short: choice.label, full: `${option.label}: ${choice.label}` }] : [];
  });
}
