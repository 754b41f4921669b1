import { CONTENT, NAME, namedAs, type PageDetector } from './detector';

const NAMED = /^(install (application )?from xml|install (an )?application)$/;

export const platformAppInstall: PageDetector = {
  kind: 'platform-app-install',
  score: (s) =>
    (namedAs(s, NAMED) ? NAME : 0) + (s.hasFileInput && (s.actions.has('import') || s.actions.has('install')) ? CONTENT : 0),
};
