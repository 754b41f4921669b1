import { CONTENT, NAME, type PageDetector } from './detector';
import { anyMatch } from './signals';

const NAMED = /^(custom packages?|new (custom )?package|import (custom )?package)$/;

export const customPackage: PageDetector = {
  kind: 'custom-package',
  gate: (p) => anyMatch(p.names, NAMED) || p.hasFileInput(),
  score: (s) =>
    (anyMatch(s.names, NAMED) ? NAME : 0) +
    (s.hasFileInput && (s.actions.has('import') || s.actions.has('upload')) ? CONTENT : 0) +
    (anyMatch(s.sections, /package/) || /package/.test(s.path) ? 1 : 0),
};
