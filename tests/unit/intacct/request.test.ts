import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildRequest, gatewayRequestSchema, redactRequest, type GatewayRequest } from '@/utils/intacct/request';

import { SAMPLES } from './samples-dir';

const HOSTILE = `Zoë & Co <x> "quoted" 'apos' ]]> &amp;`;

const loginRequest = (overrides: Partial<Extract<GatewayRequest['auth'], { kind: 'login' }>> = {}): GatewayRequest => ({
  control: { senderId: 'expensify', senderPassword: 'sender-secret-1', controlId: 'ctl-1' },
  auth: { kind: 'login', userId: 'xml_user', companyId: 'DEMOCO', password: 'user-secret-2', ...overrides },
  functions: [{ kind: 'getAPISession', controlId: 'fn-1' }],
});

type Shape = [string, Shape[]];
// Tag names in document order, ignoring text and attributes.
function shape(xml: string): Shape[] {
  const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: true, ignoreDeclaration: true }).parse(xml) as Record<
    string,
    unknown
  >[];
  const walk = (nodes: Record<string, unknown>[]): Shape[] =>
    nodes.flatMap((node) => {
      const tag = Object.keys(node).find((key) => key !== ':@');
      if (!tag || tag === '#text') return [];
      return [[tag, walk(node[tag] as Record<string, unknown>[])] as Shape];
    });
  return walk(ordered);
}

function find(nodes: Shape[], ...tags: string[]): Shape | undefined {
  const [first, ...rest] = tags;
  const node = nodes.find(([tag]) => tag === first);
  return rest.length === 0 || !node ? node : find(node[1], ...rest);
}

const plain = new XMLParser({ ignoreAttributes: false, parseTagValue: false, attributeNamePrefix: '@_', htmlEntities: true });

describe('buildRequest', () => {
  it('has the same structure as the login request real clients send', () => {
    const sample = readFileSync(path.join(SAMPLES, 'request-getapisession-login.xml'), 'utf8');
    expect(shape(buildRequest(loginRequest()))).toEqual(shape(sample));
  });

  it('writes the declaration, control values and transaction attribute of the envelope', () => {
    const xml = buildRequest(loginRequest());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><request><control><senderid>expensify</senderid>')).toBe(true);
    expect(xml).toContain(
      '<controlid>ctl-1</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion><includewhitespace>false</includewhitespace></control>',
    );
    expect(xml).toContain('<operation transaction="false"><authentication><login>');
    expect(xml).toContain('<content><function controlid="fn-1"><getAPISession/></function></content>');
  });

  it('puts the entity after the password in the login', () => {
    const login = find(shape(buildRequest(loginRequest({ locationId: 'E100' }))), 'request', 'operation', 'authentication', 'login');
    expect(login?.[1].map(([tag]) => tag)).toEqual(['userid', 'companyid', 'password', 'locationid']);
  });

  it('round-trips hostile values back to the same strings', () => {
    const xml = buildRequest({
      control: { senderId: HOSTILE, senderPassword: `p<>&"'ß`, controlId: `c"&<` },
      auth: { kind: 'login', userId: HOSTILE, companyId: 'Société Générale', password: `</password><x>`, locationId: '東京' },
      functions: [
        { kind: 'readByQuery', controlId: 'q&1', object: 'EEXPENSES', query: `DESCRIPTION = 'Zoë & Co <x>'` },
        { kind: 'getUserPermissions', controlId: 'u1', userId: HOSTILE },
      ],
    });
    expect(xml).toContain('Zoë');
    expect(xml).toContain('東京');
    const tree = plain.parse(xml);
    expect(tree.request.control).toMatchObject({ senderid: HOSTILE, password: `p<>&"'ß`, controlid: `c"&<` });
    expect(tree.request.operation.authentication.login).toEqual({
      userid: HOSTILE,
      companyid: 'Société Générale',
      password: '</password><x>',
      locationid: '東京',
    });
    const [query, perms] = tree.request.operation.content.function;
    expect(query['@_controlid']).toBe('q&1');
    expect(query.readByQuery).toEqual({
      object: 'EEXPENSES',
      query: `DESCRIPTION = 'Zoë & Co <x>'`,
      fields: '*',
      pagesize: '1',
      returnFormat: 'xml',
    });
    expect(perms.getUserPermissions).toEqual({ userId: HOSTILE });
  });

  it('writes each function in its documented shape and order', () => {
    const xml = buildRequest({
      control: { senderId: 's', senderPassword: 'p', controlId: 'c' },
      auth: { kind: 'session', sessionId: 'sess..' },
      functions: [
        { kind: 'getAPISession', controlId: 'a', locationId: '100' },
        { kind: 'getUserPermissions', controlId: 'b', userId: 'xml_user' },
        { kind: 'readByQuery', controlId: 'c', object: 'EMPLOYEE', query: '' },
        { kind: 'inspect', controlId: 'd', object: 'APBILL' },
      ],
    });
    expect(xml).toContain('<authentication><sessionid>sess..</sessionid></authentication>');
    expect(xml).toContain(
      '<function controlid="a"><getAPISession><locationid>100</locationid></getAPISession></function>' +
        '<function controlid="b"><getUserPermissions><userId>xml_user</userId></getUserPermissions></function>' +
        '<function controlid="c"><readByQuery><object>EMPLOYEE</object><query/><fields>*</fields><pagesize>1</pagesize><returnFormat>xml</returnFormat></readByQuery></function>' +
        '<function controlid="d"><inspect><object>APBILL</object></inspect></function>',
    );
  });

  it('asks for a top-level session with an empty locationid', () => {
    const xml = buildRequest({ ...loginRequest(), functions: [{ kind: 'getAPISession', controlId: 'a', locationId: '' }] });
    expect(xml).toContain('<getAPISession><locationid/></getAPISession>');
  });

  it('refuses empty credentials and characters XML cannot carry', () => {
    expect(gatewayRequestSchema.safeParse(loginRequest({ userId: '  ' })).success).toBe(false);
    expect(gatewayRequestSchema.safeParse(loginRequest({ password: 'a\u0001b' })).success).toBe(false);
    expect(gatewayRequestSchema.safeParse({ ...loginRequest(), control: { senderId: 's', senderPassword: 'p', controlId: 'x'.repeat(257) } }).success).toBe(false);
    expect(() => buildRequest(loginRequest({ companyId: '' }))).toThrow();
  });
});

describe('redactRequest', () => {
  it('hides both passwords and keeps everything else', () => {
    const xml = buildRequest(loginRequest());
    const redacted = redactRequest(xml);
    expect(redacted).not.toContain('sender-secret-1');
    expect(redacted).not.toContain('user-secret-2');
    expect(redacted.match(/<password>\*\*\*<\/password>/g)).toHaveLength(2);
    expect(redacted).toContain('<senderid>expensify</senderid>');
    expect(redacted).toContain('<userid>xml_user</userid><companyid>DEMOCO</companyid>');
  });

  it('hides a password that contains escaped markup', () => {
    const redacted = redactRequest(buildRequest(loginRequest({ password: '</password>&x' })));
    expect(redacted).not.toContain('&amp;x');
    expect(redacted).not.toContain('&lt;/password&gt;');
  });

  it('hides a session id and the tail of a cut-off password', () => {
    expect(redactRequest('<authentication><sessionid>abc..</sessionid></authentication>')).toBe(
      '<authentication><sessionid>***</sessionid></authentication>',
    );
    expect(redactRequest('<control><password>half-a-secr')).toBe('<control><password>***');
  });

  it('leaves a self-closing password tag and its neighbours alone', () => {
    expect(redactRequest('<password/><senderid>s</senderid>')).toBe('<password/><senderid>s</senderid>');
  });
});
