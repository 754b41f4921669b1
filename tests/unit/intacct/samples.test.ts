import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GatewayCode } from '@/utils/intacct/codes';
import { parseUserPermissions } from '@/utils/intacct/permissions';
import { parseGatewayResponse } from '@/utils/intacct/response';

import { SAMPLES, SHARED_SAMPLES } from './samples-dir';
const read = (name: string) => readFileSync(path.join(SAMPLES, name), 'utf8');

// One expected code per sample file; a new sample without an entry fails the first test.
const EXPECTED: Record<string, GatewayCode> = {
  'auth-failure-sign-in-incorrect-sdk.xml': 'user-credentials',
  'control-failure-demo-company-expired.xml': 'company-expired',
  'gateway-http401-sign-in-incorrect.xml': 'user-credentials',
  'getapisession-success-recorded.xml': 'ok',
  'getuserpermissions-success.xml': 'ok',
  'readbyquery-and-read-success-paged.xml': 'ok',
  'result-aborted-transaction-rolled-back.xml': 'function-failed',
  'result-failure-create-duplicate-BL34000061.xml': 'function-failed',
  // Requests are not replies: their root is <request>.
  'request-envelope-sessionid-sdk.xml': 'not-xml',
  'request-getapisession-login.xml': 'not-xml',
  'request-lookup-with-session.xml': 'not-xml',
  'request-readbyname-userinfo.xml': 'not-xml',
};

describe('real gateway samples', () => {
  it.skipIf(SHARED_SAMPLES === null)('keeps the same samples as the shared reference', () => {
    const shared = SHARED_SAMPLES ?? '';
    const names = readdirSync(shared).sort();
    expect(readdirSync(SAMPLES).sort()).toEqual(names);
    for (const name of names) expect(read(name), name).toBe(readFileSync(path.join(shared, name), 'utf8'));
  });

  it('has an expectation for every sample file', () => {
    const files = readdirSync(SAMPLES).filter((name) => name.endsWith('.xml')).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is classified as %s', (file, code) => {
    const outcome = parseGatewayResponse(read(file));
    expect(outcome.code).toBe(code);
    expect(outcome.ok).toBe(code === 'ok');
  });

  it('reads the session id and endpoint from a recorded getAPISession reply', () => {
    const outcome = parseGatewayResponse(read('getapisession-success-recorded.xml'));
    expect(outcome).toMatchObject({
      ok: true,
      errors: [],
      sessionId: '4dfZhgdAZ3jR-tyznJZ_UUbCeND_3A..',
      endpoint: 'https://api.intacct.com/ia/xml/xmlgw.phtml',
    });
    expect(outcome.results).toHaveLength(1);
    expect(outcome.results[0]).toMatchObject({
      function: 'getAPISession',
      controlId: '96264639-21bc-4525-90bd-027179da9c9c',
      status: 'success',
    });
  });

  it('reports the classic sign-in failure with its text', () => {
    const outcome = parseGatewayResponse(read('auth-failure-sign-in-incorrect-sdk.xml'));
    expect(outcome.errors).toEqual([
      { errorno: 'XL03000006', description: '', description2: 'Sign-in information is incorrect', correction: '' },
    ]);
    expect(outcome.sessionId).toBeUndefined();
    expect(outcome.results).toEqual([]);
  });

  it('reads the HTTP 401 gateway reply whose control block holds only a status', () => {
    const outcome = parseGatewayResponse(read('gateway-http401-sign-in-incorrect.xml'), 401);
    expect(outcome.code).toBe('user-credentials');
    expect(outcome.errors).toEqual([
      {
        errorno: 'XMLGW_JPP0002',
        description: 'Sign-in information is incorrect. Please check your request.',
        description2: '',
        correction: '',
      },
    ]);
  });

  it('reads the expired demo company with empty senderid and controlid', () => {
    const outcome = parseGatewayResponse(read('control-failure-demo-company-expired.xml'));
    expect(outcome.errors[0]).toMatchObject({
      errorno: 'PL04000055',
      description2: 'This company is a demo company and has expired.',
    });
  });

  it('keeps data and all three errors of a failed create, in reply order', () => {
    const outcome = parseGatewayResponse(read('result-failure-create-duplicate-BL34000061.xml'));
    expect(outcome.errors.map((e) => e.errorno)).toEqual(['BL34000061', 'BL01001973', 'BL01001973']);
    expect(outcome.errors[0]).toEqual({
      errorno: 'BL34000061',
      description: '',
      description2: 'Another Project with the given value(s) Fellow PD1  already exists',
      correction: 'Use a unique value instead.',
    });
    const [result] = outcome.results;
    expect(result?.status).toBe('failure');
    expect(result?.errors).toHaveLength(3);
    expect(result?.data).toMatchObject({ '@_listtype': 'objects', '@_count': '1', project: [{ RECORDNO: '1424' }] });
  });

  it('reports an aborted result with the free-text errorno', () => {
    const outcome = parseGatewayResponse(read('result-aborted-transaction-rolled-back.xml'));
    expect(outcome.results[0]?.status).toBe('aborted');
    expect(outcome.errors.map((e) => e.errorno)).toEqual(['Query Failed', 'XL03000009']);
    expect(outcome.errors[0]?.description2).toBe('Object definition VENDOR9 not found');
  });

  it('keeps paging attributes and record lists as strings', () => {
    const outcome = parseGatewayResponse(read('readbyquery-and-read-success-paged.xml'));
    expect(outcome.results.map((r) => r.function)).toEqual(['readByQuery', 'read']);
    const page = outcome.results[0]?.data;
    expect(page).toMatchObject({
      '@_count': '5',
      '@_totalcount': '35',
      '@_numremaining': '30',
      '@_resultId': '7765623336W-ne68CoA4gAAEEhD7EAAAAP4',
    });
    expect(page?.project).toHaveLength(5);
    expect((page?.project as { RECORDNO: string }[])[0]?.RECORDNO).toBe('989');
    // A single record is still a list, so callers never branch on one-vs-many.
    expect(outcome.results[1]?.data?.PROJECT).toEqual([
      { RECORDNO: '1423', PROJECTID: 'Fellow PD1', NAME: 'Program Development1' },
    ]);
  });

  it('turns getUserPermissions into applications with their rights', () => {
    const outcome = parseGatewayResponse(read('getuserpermissions-success.xml'));
    expect(parseUserPermissions(outcome)).toEqual([
      {
        application: 'Time',
        policies: [
          { name: 'My Expenses', rights: ['List', 'View', 'Add', 'Edit', 'Delete'] },
          { name: 'Expense Adjustments', rights: ['List', 'View', 'Add', 'Edit', 'Delete', 'Reverse', 'Reclass'] },
          { name: 'Approve Expenses', rights: ['List'] },
        ],
      },
    ]);
  });

  it('finds no permissions in a reply without getUserPermissions', () => {
    expect(parseUserPermissions(parseGatewayResponse(read('getapisession-success-recorded.xml')))).toEqual([]);
  });
});
