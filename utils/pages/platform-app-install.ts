import { CONTENT, NAME, type PageDetector } from './detector';
import { anyMatch } from './signals';

const NAMED = /^(install (application )?from xml|install (an )?application)$/;

export const platformAppInstall: PageDetector = {
  kind: 'platform-app-install',
  gate: (p) => anyMatch(p.names, NAMED),
  score: (s) =>
    (anyMatch(s.names, NAMED) ? NAME : 0) +
    (s.hasFileInput && (s.actions.has('import') || s.actions.has('install')) ? CONTENT : 0),
};
