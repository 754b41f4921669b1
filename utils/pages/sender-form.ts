import { CONTENT, NAME, namedAs, type PageDetector } from './detector';

const NAMED = /^(web services sender( information)?|(web services )?sender( information)?)$/;

export const senderForm: PageDetector = {
  kind: 'sender-form',
  score: (s) => (namedAs(s, NAMED) ? NAME : 0) + (s.fields.has('sender id') && s.fields.has('status') ? CONTENT : 0),
};
