import { describeChange, type RightsChange } from '@/utils/audit/drift';

/** What changed since an earlier audit, one row per object ("General Ledger › Journal entries: Delete added"). */
export function ChangeList({ changes }: { changes: readonly RightsChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul>
      {changes.map((c) => (
        <li
          key={`${c.module}\u0000${c.object}`}
          className={`cx-change cx-change-${c.change}`}
          data-testid="ish-change"
          data-change={c.change}
          data-subject={`${c.module} › ${c.object}`}
        >
          <strong>
            {c.module} › {c.object}
          </strong>
          : {describeChange(c)}
        </li>
      ))}
    </ul>
  );
}
