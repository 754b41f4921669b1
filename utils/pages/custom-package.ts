import { CONTENT, NAME, namedAs, type PageDetector } from './detector';
import { anyMatch } from './signals';

const NAMED = /^(custom packages?|(new|import|upload) (custom )?package|package)$/;

export const customPackage: PageDetector = {
  kind: 'custom-package',
  score: (s) =>
    (namedAs(s, NAMED) ? NAME : 0) +
    (s.hasFileInput && (s.actions.has('import') || s.actions.has('upload')) ? CONTENT : 0) +
    (anyMatch([...s.sections, ...s.trail], /package/) || /package/.test(s.path) ? 1 : 0),
};
