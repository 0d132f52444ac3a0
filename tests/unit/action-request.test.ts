import { describe, expect, test } from 'vitest';
import { actionRequestProblem, SERVER_ACTION_BODY_LIMIT } from '@/lib/http/action-request';

const HOST = '127.0.0.1:3103';
const form = { 'next-action': 'abc123', 'content-type': 'multipart/form-data; boundary=----x', 'content-length': '512', host: HOST, origin: `http://${HOST}` };
const check = (headers: Record<string, string | undefined>, method = 'POST') =>
  actionRequestProblem({ method, headers: new Headers(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined)) })?.status ?? null;

describe('server-action posts refused before Next.js decodes them', () => {
  test('the app’s own form posts pass, and so does anything that is not a POST', () => {
    expect(check(form)).toBeNull();
    expect(check({ ...form, origin: undefined })).toBeNull();
    expect(check({ ...form, 'x-forwarded-host': 'sbz.beibei.gov.cn', origin: 'https://sbz.beibei.gov.cn' })).toBeNull();
    expect(check({ origin: 'https://evil.example', host: HOST }, 'GET')).toBeNull();
  });
  test.each([
    ['a foreign Origin', { ...form, origin: 'https://evil.example' }, 403],
    ['Origin null (a sandboxed frame)', { ...form, origin: 'null' }, 403],
    ['the same host on another port', { ...form, origin: 'http://127.0.0.1:3000' }, 403],
    ['a body over the limit', { ...form, 'content-length': String(SERVER_ACTION_BODY_LIMIT + 1) }, 413],
    ['a length that is not a number', { ...form, 'content-length': '12abc' }, 413],
    ['no length (chunked)', { ...form, 'content-length': undefined }, 411],
    ['a JSON body', { ...form, 'content-type': 'text/plain;charset=UTF-8' }, 415],
    ['a urlencoded body', { ...form, 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['multipart without a boundary', { ...form, 'content-type': 'multipart/form-data' }, 415],
  ])('%s → %i', (_name, headers, status) => {
    expect(check(headers)).toBe(status);
  });
  test('a plain form post to a page (no JavaScript) is held to the origin and size rules only', () => {
    const plain = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '20', host: HOST, origin: `http://${HOST}` };
    expect(check(plain)).toBeNull();
    expect(check({ ...plain, origin: 'https://evil.example' })).toBe(403);
    expect(check({ ...plain, 'content-length': String(SERVER_ACTION_BODY_LIMIT + 1) })).toBe(413);
  });
});
