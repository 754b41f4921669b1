import { it } from 'vitest';
import { createPermissionsAudit } from '@/utils/audit/permissions';
import { EXPENSIFY_PROFILE } from '@/utils/profiles/expensify';
import { CERTIFY_PROFILE } from '@/utils/profiles/certify';
import { summaryLine } from '@/utils/audit/finding';
import { fixtureHtml, parseHtml } from '../pages/load-fixture';
it('x', () => {
  for (const p of [EXPENSIFY_PROFILE, CERTIFY_PROFILE]) for (const n of ['role-subscriptions','user-subscriptions','role-permissions','user-permissions']) {
    const a = createPermissionsAudit(parseHtml(fixtureHtml(n)), p, {});
    const f = a.findings();
    console.log(`== ${p.id} ${n} ${a.kind}: ${summaryLine(f)}\n` + f.map(x => `${x.status.padEnd(7)} ${x.id} | ${x.subject} | found: ${x.found} | expected: ${x.expected}${x.message ? `\n          msg: ${x.message}` : ''}${x.fix ? `\n          fix: ${x.fix}` : ''}`).join('\n'));
  }
});
