import { describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { completeUserAction, getUserActionToken, initUserAction, signedRequest } from '../../src/api';
import { PasskeyError, PolicyPendingError } from '../../src/errors';
import { fido2Assertion, signingChallenge } from './fixtures/wire';
import { JSON_USER, TEST_BASE_URL, USER_TOKEN, clientWith, jsonReply, sent } from './recordingFetch';
import { looseObject, string } from '../../src/api/validators';

describe('initUserAction', () => {
  it('posts the method, path and payload with the user token, always as an Api user action', async () => {
    const { client, calls } = clientWith([jsonReply(signingChallenge)]);
    const challenge = await initUserAction(client, {
      userActionHttpMethod: 'POST',
      userActionHttpPath: '/wallets',
      userActionPayload: '{"network":"EthereumSepolia"}',
    });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/action/init`,
      method: 'POST',
      headers: JSON_USER,
      body: '{"userActionHttpMethod":"POST","userActionHttpPath":"/wallets","userActionPayload":"{\\"network\\":\\"EthereumSepolia\\"}","userActionServerKind":"Api"}',
    });
    expect(challenge).toEqual(signingChallenge);
  });
});

describe('completeUserAction', () => {
  it('posts the signed challenge with the user token and returns the user action token', async () => {
    const { client, calls } = clientWith([jsonReply({ userAction: 'ua-token' })]);
    const signed = { challengeIdentifier: 'challenge-identifier.jwt', firstFactor: fido2Assertion };
    const result = await completeUserAction(client, signed);
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/action`,
      method: 'POST',
      headers: JSON_USER,
      body: JSON.stringify(signed),
    });
    expect(result).toEqual({ userAction: 'ua-token' });
  });
});

describe('getUserActionToken', () => {
  it('inits, signs the challenge, completes, and returns only the token', async () => {
    const { client, calls } = clientWith([jsonReply(signingChallenge), jsonReply({ userAction: 'ua-token' })]);
    const sign = vi.fn().mockResolvedValue(fido2Assertion);
    const controller = new AbortController();
    const token = await getUserActionToken(
      client,
      { method: 'DELETE', path: '/wallets/wa-1?force=true', payload: '' },
      { sign, signal: controller.signal },
    );
    expect(token).toBe('ua-token');
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({
      userActionHttpMethod: 'DELETE',
      userActionHttpPath: '/wallets/wa-1',
      userActionPayload: '',
      userActionServerKind: 'Api',
    });
    expect(sign).toHaveBeenCalledWith(signingChallenge, { signal: controller.signal });
    expect(JSON.parse(calls[1]?.body ?? '')).toEqual({ challengeIdentifier: signingChallenge.challengeIdentifier, firstFactor: fido2Assertion });
  });
});

describe('signedRequest', () => {
  it('signs and sends the very same body string', async () => {
    const { client, calls } = clientWith([
      jsonReply(signingChallenge),
      jsonReply({ userAction: 'ua-token' }),
      jsonReply({ id: 'wa-1' }),
    ]);
    // Key order, unicode and nesting must survive exactly: Dfns compares bytes.
    const body = { network: 'EthereumSepolia', name: 'Épargne 💶', tags: ['a', 'b'], nested: { z: 1, a: [null, true] } };
    const result = await signedRequest(client, { method: 'POST', path: '/wallets', body }, { sign: async () => fido2Assertion });
    const signedPayload = (JSON.parse(calls[0]?.body ?? '') as { userActionPayload: string }).userActionPayload;
    expect(calls[2]?.body).toBe(signedPayload);
    expect(signedPayload).toBe(JSON.stringify(body));
    expect(sent(calls[2])).toEqual({
      url: `${TEST_BASE_URL}/wallets`,
      method: 'POST',
      headers: { ...JSON_USER, 'x-dfns-useraction': 'ua-token' },
      body: signedPayload,
    });
    expect(result).toEqual({ id: 'wa-1' });
  });

  it('stringifies the body once, so a body with a toJSON that changes between calls is still byte-identical', async () => {
    const { client, calls } = clientWith([jsonReply(signingChallenge), jsonReply({ userAction: 'ua' }), jsonReply({})]);
    let n = 0;
    const body = { toJSON: () => ({ call: (n += 1) }) };
    await signedRequest(client, { method: 'PUT', path: '/x', body }, { sign: async () => fido2Assertion });
    expect(n).toBe(1);
    expect(calls[2]?.body).toBe('{"call":1}');
    expect((JSON.parse(calls[0]?.body ?? '') as { userActionPayload: string }).userActionPayload).toBe('{"call":1}');
  });

  it('signs the path without its query string but sends the query string', async () => {
    const { client, calls } = clientWith([jsonReply(signingChallenge), jsonReply({ userAction: 'ua' }), jsonReply({ ok: true })]);
    await signedRequest(client, { method: 'DELETE', path: '/auth/service-accounts/sa-1?reason=rotate' }, { sign: async () => fido2Assertion });
    expect(JSON.parse(calls[0]?.body ?? '')).toMatchObject({ userActionHttpMethod: 'DELETE', userActionHttpPath: '/auth/service-accounts/sa-1' });
    expect(calls[2]?.url).toBe(`${TEST_BASE_URL}/auth/service-accounts/sa-1?reason=rotate`);
  });

  it('signs an empty payload and sends no body (nor Content-Type) when there is no body', async () => {
    const { client, calls } = clientWith([jsonReply(signingChallenge), jsonReply({ userAction: 'ua' }), jsonReply({ ok: true })]);
    await signedRequest(client, { method: 'DELETE', path: '/wallets/wa-1' }, { sign: async () => fido2Assertion });
    expect((JSON.parse(calls[0]?.body ?? '') as { userActionPayload: string }).userActionPayload).toBe('');
    expect(sent(calls[2])).toEqual({
      url: `${TEST_BASE_URL}/wallets/wa-1`,
      method: 'DELETE',
      headers: { authorization: `Bearer ${USER_TOKEN}`, 'x-dfns-useraction': 'ua' },
      body: undefined,
    });
  });

  it('sends a GET without signing it', async () => {
    const { client, calls } = clientWith([jsonReply({ items: [] })]);
    const sign = vi.fn();
    const result = await signedRequest(client, { method: 'GET', path: '/wallets?limit=10' }, { sign });
    expect(sign).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/wallets?limit=10`,
      method: 'GET',
      headers: { authorization: `Bearer ${USER_TOKEN}` },
      body: undefined,
    });
    expect(result).toEqual({ items: [] });
  });

  it('lets the signer error through unchanged and sends nothing more', async () => {
    const { client, calls } = clientWith([jsonReply(signingChallenge)]);
    const cancelled = new PasskeyError('passkey_cancelled', 'The user closed the passkey prompt.');
    const error = await signedRequest(client, { method: 'POST', path: '/wallets', body: {} }, { sign: () => Promise.reject(cancelled) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBe(cancelled);
    expect(calls).toHaveLength(1);
  });

  it('validates the answer with the given schema', async () => {
    const { client } = clientWith([jsonReply(signingChallenge), jsonReply({ userAction: 'ua' }), jsonReply({ id: 42 })]);
    const schema = looseObject({ id: string() });
    await expect(
      signedRequest(client, { method: 'POST', path: '/wallets', body: {}, schema }, { sign: async () => fido2Assertion }),
    ).rejects.toThrow('id: expected string, received number');
  });

  it('takes any Standard Schema (valibot here), naming the field but not quoting the other library’s message', async () => {
    const answer = { id: 'wa-1', network: 'secret-token-value' };
    const { client } = clientWith([jsonReply(signingChallenge), jsonReply({ userAction: 'ua' }), jsonReply(answer)]);
    const schema = v.looseObject({ id: v.string(), network: v.number() });
    const error = await signedRequest(client, { method: 'POST', path: '/wallets', body: {}, schema }, { sign: async () => fido2Assertion }).catch(
      (e: unknown) => e as Error,
    );
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(error.message).toContain('network: rejected by the schema');
    expect(error.message).not.toContain('secret-token-value');

    const valid = clientWith([jsonReply(signingChallenge), jsonReply({ userAction: 'ua' }), jsonReply({ ...answer, network: 1 })]);
    const wallet = await signedRequest(valid.client, { method: 'POST', path: '/wallets', body: {}, schema }, { sign: async () => fido2Assertion });
    expect(wallet).toEqual({ id: 'wa-1', network: 1 });
  });

  it('tells its own schemas from another library’s by vendor, not by a check method (zod schemas have one)', async () => {
    const { client } = clientWith([jsonReply(signingChallenge), jsonReply({ userAction: 'ua' }), jsonReply({ id: 7 })]);
    const foreign = {
      // What a zod schema looks like to the kit: a `check` method that is not a validator.
      check: () => foreign,
      '~standard': {
        version: 1 as const,
        vendor: 'zod',
        validate: (value: unknown) =>
          typeof (value as { id?: unknown }).id === 'string'
            ? { value: value as { id: string } }
            : { issues: [{ message: 'Invalid input: expected string, received 7', path: ['id'] }] },
      },
    };
    const error = (await signedRequest(client, { method: 'POST', path: '/wallets', body: {}, schema: foreign }, { sign: async () => fido2Assertion }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(error.message).toContain('id: rejected by the schema');
    expect(error.message).not.toContain('received 7');
  });

  it('reports HTTP 202 on the real call as policy pending, with the approval', async () => {
    const approval = { id: 'ap-1', status: 'Pending' };
    const { client } = clientWith([jsonReply(signingChallenge), jsonReply({ userAction: 'ua' }), jsonReply(approval, 202)]);
    const error = await signedRequest(client, { method: 'POST', path: '/wallets/wa-1/transfers', body: { amount: '1' } }, {
      sign: async () => fido2Assertion,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyPendingError);
    expect(error).toMatchObject({ code: 'policy_pending', status: 202, pending: approval, retryable: false });
  });
});
