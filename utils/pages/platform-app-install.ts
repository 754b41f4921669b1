import type { PageKindSpec } from './spec';
import { CONTENT, NAME, namedAs } from './detector';

const NAMED = /^(install (application )?from xml|install (an )?application)$/;

export const platformAppInstall: PageKindSpec<'platform-app-install'> = {
  kind: 'platform-app-install',
  name: 'Install application from XML',
  audit: 'fields',
  proves: 'fields',
  score: (s) =>
    (namedAs(s, NAMED) ? NAME : 0) + (s.hasFileInput && (s.actions.has('import') || s.actions.has('install')) ? CONTENT : 0),
};
