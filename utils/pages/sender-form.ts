import type { PageKindSpec } from './spec';
import { CONTENT, NAME, namedAs } from './detector';

const NAMED = /^(web services sender( information)?|(web services )?sender( information)?)$/;

export const senderForm: PageKindSpec<'sender-form'> = {
  kind: 'sender-form',
  name: 'Web Services sender information',
  audit: 'fields',
  proves: 'part',
  wrongValue: [
    {
      // Inactive sender IDs cannot make requests (docs/intacct.md#web-services-sender-information).
      label: 'status',
      why: (found) => `A sender ID whose status is ${found} cannot make requests, so Intacct would refuse the integration.`,
    },
  ],
  score: (s) => (namedAs(s, NAMED) ? NAME : 0) + (s.fields.has('sender id') && s.fields.has('status') ? CONTENT : 0),
};
