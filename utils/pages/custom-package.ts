import type { PageKindSpec } from './spec';
import { CONTENT, NAME, namedAs } from './detector';
import { anyMatch } from './signals';

const NAMED = /^(custom packages?|(new|import|upload) (custom )?package|package)$/;

export const customPackage: PageKindSpec<'custom-package'> = {
  kind: 'custom-package',
  name: 'Custom packages',
  audit: 'fields',
  proves: 'fields',
  score: (s) =>
    (namedAs(s, NAMED) ? NAME : 0) +
    (s.hasFileInput && (s.actions.has('import') || s.actions.has('upload')) ? CONTENT : 0) +
    (anyMatch([...s.sections, ...s.trail], /package/) || /package/.test(s.path) ? 1 : 0),
};
