import { CONTENT, NAME, type PageDetector } from './detector';
import { anyMatch } from './signals';

const NAMED = /^(web services sender( information)?|(new|add|edit) (web services )?sender)$/;

export const senderForm: PageDetector = {
  kind: 'sender-form',
  gate: (p) => anyMatch(p.names, NAMED),
  score: (s) =>
    (anyMatch(s.names, NAMED) ? NAME : 0) +
    (s.fields.has('sender id') && s.fields.has('status') ? CONTENT : 0),
};
