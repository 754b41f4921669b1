import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { managedTaughtRules, type ManagedState } from '@/utils/managed/config';
import { readManagedState, watchManagedState } from '@/utils/managed/read';
import { PAGE_NAMES } from '@/utils/pages/registry';
import type { ProfileProblem } from '@/utils/profiles/import';
import {
  EMPTY_TAUGHT_RULES,
  importTaughtRules,
  mergeTaughtRules,
  taughtFileTooLarge,
  organizationTaughtRules,
  parseTaughtRules,
  taughtRulesFile,
  taughtRulesItem,
  withoutTaughtField,
  withoutTaughtPage,
  type TaughtImport,
  type TaughtRules as Rules,
} from '@/utils/storage/taught-rules';

/** Pages and fields the admin taught: listed, removable, exported and imported as one file (issue #9). */
export function TaughtRules() {
  const ids = useId();
  const [rules, setRules] = useState<Rules>(EMPTY_TAUGHT_RULES);
  const [problems, setProblems] = useState<ProfileProblem[]>([]);
  const [note, setNote] = useState('');

  const [organization, setOrganization] = useState<Rules>(EMPTY_TAUGHT_RULES);

  useEffect(() => {
    const show = (value: unknown): void => setRules(parseTaughtRules(value));
    void taughtRulesItem.getValue().then(show);
    return taughtRulesItem.watch(show);
  }, []);

  useEffect(() => {
    const show = (state: ManagedState): void => setOrganization(organizationTaughtRules(managedTaughtRules(state.config)).rules);
    void readManagedState().then(show);
    return watchManagedState(show);
  }, []);

  const save = (next: Rules): void => {
    setRules(next);
    void taughtRulesItem.setValue(next);
  };

  const exportFile = (): void => {
    const url = URL.createObjectURL(new Blob([taughtRulesFile(rules)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'intacct-setup-helper-taught-rules.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    // The size is known before reading: an oversized file is refused without being read.
    const tooLarge = taughtFileTooLarge(file.size);
    const result: TaughtImport = tooLarge ? { ok: false, problems: [tooLarge] } : importTaughtRules(await file.text());
    input.value = '';
    if (!result.ok) {
      setNote('');
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    save(mergeTaughtRules(rules, result.rules));
    setNote(`Imported ${result.rules.pages.length} page${result.rules.pages.length === 1 ? '' : 's'} and ${result.rules.fields.length} field${result.rules.fields.length === 1 ? '' : 's'}.`);
  };

  const empty = rules.pages.length === 0 && rules.fields.length === 0;
  return (
    <section aria-labelledby={`${ids}-h`} data-testid="ish-taught-rules">
      <h2 id={`${ids}-h`}>Taught pages and fields</h2>
      {empty ? (
        <p className="muted">Nothing taught yet. Where the helper does not know a page or cannot find a field, this tab’s section and the guide let you show it.</p>
      ) : (
        <ul className="pp-taught">
          {rules.pages.map((p, i) => (
            <li key={`p${i}`} data-testid="ish-taught-page" data-page-kind={p.kind}>
              <span>
                {PAGE_NAMES[p.kind]} page: <code>{p.path}</code>
                {p.names[0] ? ` (“${p.names[0]}”)` : ''}
              </span>
              <button type="button" data-testid="ish-taught-remove" aria-label={`Forget the ${PAGE_NAMES[p.kind]} page at ${p.path}`} onClick={() => save(withoutTaughtPage(rules, i))}>
                Remove
              </button>
            </li>
          ))}
          {rules.fields.map((f, i) => (
            <li key={`f${i}`} data-testid="ish-taught-field" data-page-kind={f.kind}>
              <span>
                “{f.label}” on the {PAGE_NAMES[f.kind]} page: {f.name ? `the field named “${f.name}”` : `the field with ${f.attribute?.key} “${f.attribute?.value}”`}
              </span>
              <button type="button" data-testid="ish-taught-remove" aria-label={`Forget the field ${f.label}`} onClick={() => save(withoutTaughtField(rules, i))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {(organization.pages.length > 0 || organization.fields.length > 0) && (
        <div data-testid="ish-taught-organization">
          <p className="pp-locked">Set by your organization</p>
          <ul className="pp-taught">
            {organization.pages.map((p, i) => (
              <li key={`op${i}`} data-testid="ish-taught-page" data-page-kind={p.kind} data-source="organization">
                <span>
                  {PAGE_NAMES[p.kind]} page: <code>{p.path}</code>
                </span>
              </li>
            ))}
            {organization.fields.map((f, i) => (
              <li key={`of${i}`} data-testid="ish-taught-field" data-page-kind={f.kind} data-source="organization">
                <span>
                  “{f.label}” on the {PAGE_NAMES[f.kind]} page
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="pp-buttons">
        <button type="button" data-testid="ish-taught-export" onClick={exportFile} disabled={empty}>
          Export as a file
        </button>
      </div>
      <label>
        Import taught rules (JSON)
        <input type="file" accept=".json,application/json" data-testid="ish-taught-import" onChange={(e) => void importFile(e)} />
      </label>
      {note && (
        <p className="cx-ok-text" role="status" data-testid="ish-taught-imported">
          {note}
        </p>
      )}
      {problems.length > 0 && (
        <div className="cx-error" role="alert">
          The file was not imported:
          <ul>
            {problems.map((p, i) => (
              <li key={i} data-testid="ish-taught-problem">
                <code>{p.path || '(the file)'}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
