import { CONTENT, NAME, type PageDetector } from './detector';
import { anyMatch } from './signals';

export const senderForm: PageDetector = {
  kind: 'sender-form',
  score: (s) =>
    (anyMatch(s.names, /^(web services sender( information)?|(new|add|edit) (web services )?sender)$/) ? NAME : 0) +
    (s.fields.has('sender id') && s.fields.has('status') ? CONTENT : 0),
};
