import { CONTENT, NAME, type PageDetector } from './detector';
import { anyMatch } from './signals';

export const platformAppInstall: PageDetector = {
  kind: 'platform-app-install',
  score: (s) =>
    (anyMatch(s.names, /^(install (application )?from xml|install (an )?application)$/) ? NAME : 0) +
    (s.hasFileInput && (s.actions.has('import') || s.actions.has('install')) ? CONTENT : 0),
};
