import { useId, useState, type ChangeEvent } from 'react';
import { downloadBuiltPackage, packageFileName, type DownloadDeps } from '@/utils/package/download';
import { importCustomProfile, profileFileTooLarge, type ImportResult, type ProfileProblem } from '@/utils/profiles/import';
import { profileName } from '@/utils/profiles/registry';
import { httpsHost, type IntegrationProfile } from '@/utils/profiles/schema';
import './connection.css';

export interface PackageDownloadProps {
  profile: IntegrationProfile;
  /** For tests: the downloads call. */
  deps?: DownloadDeps;
}

/** Where the chosen integration's package comes from, and for a `built` package, the file itself. */
export function PackageDownload({ profile, deps }: PackageDownloadProps) {
  const ids = useId();
  const [status, setStatus] = useState<{ ok: boolean; text: string; problems: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const pkg = profile.package;

  const save = async () => {
    setBusy(true);
    const result = await downloadBuiltPackage(profile, deps);
    setStatus(
      result.ok
        ? { ok: true, text: `Saved ${result.filename} to your downloads.`, problems: [] }
        : { ok: false, text: 'The package was not saved:', problems: result.problems },
    );
    setBusy(false);
  };

  return (
    <section aria-labelledby={`${ids}-h`} data-testid="ish-package" data-kind={pkg?.kind ?? 'none'} className="cx">
      <h2 id={`${ids}-h`}>Package</h2>
      {!pkg && <p className="muted">{profileName(profile)} needs no package in Intacct.</p>}
      {pkg?.kind === 'download' && (
        <>
          {httpsHost(pkg.url) ? (
            <p className="cx-link-row">
              <a href={pkg.url} target="_blank" rel="noreferrer" data-testid="ish-package-link" className="cx-button cx-secondary">
                Get the package from {profile.vendor}
              </a>
              {/* Where the link leads, read from the address itself: a profile's vendor name is only its own word. */}
              <span className="cx-host">
                opens <span data-testid="ish-package-host">{httpsHost(pkg.url)}</span>
              </span>
            </p>
          ) : (
            <p className="cx-error" data-testid="ish-package-refused">
              This profile’s package link does not start with https:, so it is not offered.
            </p>
          )}
          <p className="help">{pkg.note}</p>
          <p className="help">{pkg.fileHint}</p>
        </>
      )}
      {pkg?.kind === 'vendor-sends' && (
        <p className="help" data-testid="ish-package-note">
          {pkg.note}
        </p>
      )}
      {pkg?.kind === 'built' && (
        <>
          <p className="help">
            Intacct Setup Helper writes “{pkg.name}” for you: {pkg.customFields.length} custom field
            {pkg.customFields.length === 1 ? '' : 's'} ({pkg.customFields.map((f) => `${f.label} on ${f.ownerObject}`).join(', ')}),
            to import under Customization Services › Custom Packages › New Package.
          </p>
          <button
            type="button"
            className="cx-button"
            data-testid="ish-package-download"
            disabled={busy}
            onClick={() => void save()}
          >
            Download package
          </button>
          <p className="help cx-file">Saves {packageFileName(profile)}, checked by reading it back first.</p>
          {status && (
            <div className={status.ok ? 'cx-ok-text' : 'cx-error'} data-testid="ish-package-status" data-ok={String(status.ok)}>
              {status.text}
              {status.problems.length > 0 && (
                <ul>
                  {status.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

export interface ProfileImportProps {
  onImported: (profile: IntegrationProfile) => void;
}

/**
 * A profile file the admin supplies (issue #3's import, wired here because a `built` package needs one).
 * A refused file lists every problem with its place in the file.
 */
export function ProfileImport({ onImported }: ProfileImportProps) {
  const ids = useId();
  const [problems, setProblems] = useState<ProfileProblem[]>([]);
  const [more, setMore] = useState(0);
  const [imported, setImported] = useState<string | null>(null);

  const read = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    // The size is known before reading: a 400 MB file is refused without being read (it took seconds).
    const tooLarge = profileFileTooLarge(file.size);
    const result: ImportResult = tooLarge ? { ok: false, problems: [tooLarge], more: 0 } : importCustomProfile(await file.text());
    input.value = '';
    if (result.ok) {
      setProblems([]);
      setMore(0);
      setImported(result.profile.name);
      onImported(result.profile);
    } else {
      setImported(null);
      setProblems(result.problems);
      setMore(result.more);
    }
  };

  return (
    <section aria-labelledby={`${ids}-h`} data-testid="ish-import" className="cx">
      <h2 id={`${ids}-h`}>Custom profile</h2>
      <label>
        Import a profile file (JSON)
        <input type="file" accept=".json,application/json" data-testid="ish-profile-import" onChange={(e) => void read(e)} />
      </label>
      {imported && (
        <p className="cx-ok-text" data-testid="ish-import-ok">
          Imported “{imported}” and chose it above.
        </p>
      )}
      {problems.length > 0 && (
        <div className="cx-error">
          The file was not imported:
          <ul className="cx-problems" data-testid="ish-import-problems">
            {problems.map((p, i) => (
              <li key={i} data-testid="ish-import-problem">
                <code>{p.path || '(the file)'}</code> {p.message}
              </li>
            ))}
          </ul>
          {more > 0 && <p data-testid="ish-import-more">and {more.toLocaleString('en-US')} more</p>}
        </div>
      )}
    </section>
  );
}
