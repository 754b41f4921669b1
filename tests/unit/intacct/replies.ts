// Builders for gateway replies in the shapes of docs/intacct.md#reply-shapes, filled with texts from
// docs/intacct.md#error-catalogue.
export interface ErrorSpec {
  errorno?: string;
  description?: string;
  description2?: string;
  correction?: string;
}

export function errorXml(errors: ErrorSpec[]): string {
  const one = (e: ErrorSpec) =>
    '<error>' +
    (['errorno', 'description', 'description2', 'correction'] as const)
      .map((tag) => (e[tag] === undefined ? '' : `<${tag}>${e[tag]}</${tag}>`))
      .join('') +
    '</error>';
  return `<errormessage>${errors.map(one).join('')}</errormessage>`;
}

const CONTROL_OK =
  '<control><status>success</status><senderid>expensify</senderid><controlid>c1</controlid>' +
  '<uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control>';

export function controlFailure(errors: ErrorSpec[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><response><control><status>failure</status><senderid/><controlid/></control>${errorXml(errors)}</response>`;
}

export function authFailure(errors: ErrorSpec[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><response>${CONTROL_OK}<operation><authentication><status>failure</status>` +
    `<userid>xml_user</userid><companyid>DEMOCO</companyid><locationid/></authentication>${errorXml(errors)}</operation></response>`
  );
}

export interface ResultSpec {
  status: string;
  fn?: string;
  controlId?: string;
  data?: string;
  errors?: ErrorSpec[];
}

export function withResults(results: ResultSpec[]): string {
  const body = results
    .map(
      (r) =>
        `<result><status>${r.status}</status><function>${r.fn ?? 'readByQuery'}</function>` +
        `<controlid>${r.controlId ?? 'f1'}</controlid>${r.data ?? ''}${r.errors ? errorXml(r.errors) : ''}</result>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><response>${CONTROL_OK}<operation><authentication><status>success</status>` +
    `<userid>xml_user</userid><companyid>DEMOCO</companyid><locationid/>` +
    `<sessiontimestamp>2024-01-01T00:00:00+00:00</sessiontimestamp></authentication>${body}</operation></response>`
  );
}

export const SESSION_OK = withResults([
  {
    status: 'success',
    fn: 'getAPISession',
    data: '<data><api><sessionid>abc..</sessionid><endpoint>https://api.intacct.com/ia/xml/xmlgw.phtml</endpoint><locationid/></api></data>',
  },
]);
