import { CONTENT, NAME, type PageDetector } from './detector';
import { anyMatch } from './signals';

export const customPackage: PageDetector = {
  kind: 'custom-package',
  score: (s) =>
    (anyMatch(s.names, /^(custom packages?|new (custom )?package|import (custom )?package)$/) ? NAME : 0) +
    (s.hasFileInput && (s.actions.has('import') || s.actions.has('upload')) ? CONTENT : 0) +
    (anyMatch(s.sections, /package/) || /package/.test(s.path) ? 1 : 0),
};
