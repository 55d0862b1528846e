import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  array,
  boolean,
  looseObject,
  map,
  number,
  optional,
  picklist,
  preprocess,
  string,
  union,
  type Infer,
} from '../../src/api/validators';
import { describeIssue, describeIssues } from '../../src/api/describeIssues';

const messages = (result: { issues?: readonly { message: string; path: readonly (string | number)[] }[] | undefined }) =>
  (result.issues ?? []).map(describeIssue);

describe('the kit’s validators', () => {
  it('accepts what fits and passes unknown keys through untouched', () => {
    const schema = looseObject({ id: string(), n: number(), ok: boolean(), list: array(string()) });
    const input = { id: 'a', n: 1, ok: false, list: ['x'], extra: { deep: true } };
    expect(schema.check(input)).toEqual({ value: input });
  });

  it('names every wrong field with its path, without quoting values', () => {
    const schema = looseObject({ a: looseObject({ b: array(looseObject({ c: string() })) }), d: number() });
    const result = schema.check({ a: { b: [{ c: 'ok' }, { c: 7 }, { c: null }] }, d: 'secret-token' });
    expect(messages(result)).toEqual([
      'a.b[1].c: expected string, received number',
      'a.b[2].c: expected string, received null',
      'd: expected number, received string',
    ]);
    expect(JSON.stringify(result)).not.toContain('secret-token');
  });

  it('says missing for an absent required key, and lets an optional one be absent without adding it', () => {
    const schema = looseObject({ need: string(), maybe: optional(string()) });
    expect(messages(schema.check({}))).toEqual(['need: missing']);
    const ok = schema.check({ need: 'x' });
    expect(ok.issues).toBeUndefined();
    expect(ok.issues ? null : Object.keys(ok.value)).toEqual(['need']);
  });

  it('types an optional entry as a key that may be absent, and a required one as present', () => {
    const schema = looseObject({ need: string(), maybe: optional(number()) });
    type Output = Infer<typeof schema>;
    expectTypeOf<Output['need']>().toEqualTypeOf<string>();
    expectTypeOf<Output['maybe']>().toEqualTypeOf<number | undefined>();
    // Absent is allowed for `maybe` only.
    expectTypeOf<{ need: string }>().toMatchTypeOf<Pick<Output, 'need' | 'maybe'>>();
    expectTypeOf<{ maybe: number }>().not.toMatchTypeOf<Pick<Output, 'need' | 'maybe'>>();
  });

  it('quotes a short enum-like string a picklist refused, never a long or odd one', () => {
    const kind = looseObject({ kind: picklist(['Key', 'Fido2']) });
    expect(messages(kind.check({ kind: 'RecoveryKey' }))).toEqual(['kind: expected "Key" | "Fido2", received "RecoveryKey"']);
    expect(messages(kind.check({ kind: 'eyJhbGciOi.JIUzI1NiJ9.secret' }))).toEqual(['kind: expected "Key" | "Fido2", received string']);
  });

  it('reports a union that nothing matched as one issue listing what each shape missed', () => {
    const schema = union([looseObject({ token: string() }), looseObject({ ssoClientId: string() })]);
    expect(messages(schema.check({ tokn: 'x' }))).toEqual([
      '(body): matches none of the expected shapes (token: missing | ssoClientId: missing)',
    ]);
    expect(schema.check({ ssoClientId: 'c' })).toEqual({ value: { ssoClientId: 'c' } });
  });

  it('transforms only a valid value, and preprocesses before checking', () => {
    const evens = map(array(number()), (list) => list.filter((n) => n % 2 === 0));
    expect(evens.check([1, 2, 4])).toEqual({ value: [2, 4] });
    expect(messages(evens.check([1, 'two']))).toEqual(['[1]: expected number, received string']);
    const legacy = preprocess((input) => (typeof input === 'string' ? { id: input } : input), looseObject({ id: string() }));
    expect(legacy.check('a')).toEqual({ value: { id: 'a' } });
  });

  it('implements Standard Schema v1', async () => {
    const schema = looseObject({ id: string() });
    expect(schema['~standard']).toMatchObject({ version: 1, vendor: 'dfns-react-kit' });
    expect(await schema['~standard'].validate({ id: 1 })).toEqual({
      issues: [{ path: ['id'], message: 'expected string, received number' }],
    });
  });

  it('lists three issues and counts the rest', () => {
    const schema = looseObject({ a: string(), b: string(), c: string(), d: string(), e: string() });
    const result = schema.check({});
    expect(describeIssues(result.issues ?? [])).toBe('a: missing; b: missing; c: missing (and 2 more)');
  });
});
