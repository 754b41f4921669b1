import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The recorded gateway replies. The project keeps its own copy (tests/fixtures/intacct-xml, with the
 * sources and licences in SOURCES.md) so a clone tests the same on any machine; where the team's
 * shared reference sits beside the repo, samples.test.ts also checks the copy has not drifted from it.
 */
export const SAMPLES = path.resolve(import.meta.dirname, '../../fixtures/intacct-xml');
const shared = path.resolve(import.meta.dirname, '../../../../shared/reference/intacct-xml');
export const SHARED_SAMPLES: string | null = existsSync(shared) ? shared : null;
