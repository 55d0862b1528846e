import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  activateCredential,
  createCredential,
  createCredentialCode,
  createCredentialWithCode,
  deactivateCredential,
  initCredential,
  initCredentialWithCode,
  listCredentials,
  type Fido2CredentialChallenge,
  type KeyCredentialChallenge,
} from '../../src/api';
import { createCredentialBody, credential, fido2Challenge, recoveryKeyChallenge } from './fixtures/wire';
import { JSON_ONLY, JSON_USER, TEST_BASE_URL, USER_TOKEN, clientWith, jsonReply, sent } from './recordingFetch';

const WITH_USER_ACTION = { ...JSON_USER, 'x-dfns-useraction': 'ua-token' };

describe('initCredential', () => {
  it('posts the kind with the user token and returns a challenge typed by kind', async () => {
    const { client, calls } = clientWith([jsonReply(fido2Challenge)]);
    const challenge = await initCredential(client, { kind: 'Fido2' });
    expectTypeOf(challenge).toEqualTypeOf<Fido2CredentialChallenge>();
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/credentials/init`,
      method: 'POST',
      headers: JSON_USER,
      body: '{"kind":"Fido2"}',
    });
    expect(challenge).toEqual(fido2Challenge);
  });

  it('returns a key challenge for a recovery key', async () => {
    const { client } = clientWith([jsonReply(recoveryKeyChallenge)]);
    const challenge = await initCredential(client, { kind: 'RecoveryKey' });
    expectTypeOf(challenge).toExtend<KeyCredentialChallenge>();
    expectTypeOf(challenge.kind).toEqualTypeOf<'RecoveryKey'>();
    expect(challenge).toEqual(recoveryKeyChallenge);
  });

  it('rejects a challenge of another kind than asked for, naming kind', async () => {
    const { client } = clientWith([jsonReply(recoveryKeyChallenge)]);
    const error = await initCredential(client, { kind: 'Key' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect((error as Error).message).toContain('kind: expected "Key", received "RecoveryKey"');
  });

  it('rejects a passkey challenge without excludeCredentials, naming the field', async () => {
    const { excludeCredentials: _omitted, ...withoutExclude } = fido2Challenge;
    const { client } = clientWith([jsonReply(withoutExclude)]);
    await expect(initCredential(client, { kind: 'Fido2' })).rejects.toThrow(/excludeCredentials: missing/);
  });
});

describe('createCredential', () => {
  it('posts the body with the user token and the user action', async () => {
    const { client, calls } = clientWith([jsonReply(credential)]);
    const result = await createCredential(client, createCredentialBody, { userAction: 'ua-token' });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/credentials`,
      method: 'POST',
      headers: WITH_USER_ACTION,
      body: JSON.stringify(createCredentialBody),
    });
    expect(result).toEqual(credential);
  });

  it('rejects an empty user action before sending', async () => {
    const { client, calls } = clientWith([]);
    await expect(createCredential(client, createCredentialBody, { userAction: '' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(calls).toHaveLength(0);
  });
});

describe('listCredentials', () => {
  it('gets the list with the user token and no body', async () => {
    const { client, calls } = clientWith([jsonReply({ items: [credential] })]);
    const result = await listCredentials(client);
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/credentials`,
      method: 'GET',
      headers: { authorization: `Bearer ${USER_TOKEN}` },
      body: undefined,
    });
    expect(result).toEqual({ items: [credential] });
  });

  it('names the item and field that is mistyped', async () => {
    const { client } = clientWith([jsonReply({ items: [credential, { ...credential, isActive: 'yes' }] })]);
    await expect(listCredentials(client)).rejects.toThrow('items[1].isActive: expected boolean, received string');
  });
});

describe('activateCredential and deactivateCredential', () => {
  it('puts the credential uuid to activate with the user action', async () => {
    const { client, calls } = clientWith([jsonReply({ message: 'activated' })]);
    const result = await activateCredential(client, { credentialUuid: 'cr-1' }, { userAction: 'ua-token' });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/credentials/activate`,
      method: 'PUT',
      headers: WITH_USER_ACTION,
      body: '{"credentialUuid":"cr-1"}',
    });
    expect(result).toEqual({ message: 'activated' });
  });

  it('puts the credential uuid to deactivate with the user action', async () => {
    const { client, calls } = clientWith([jsonReply({ message: 'deactivated' })]);
    const result = await deactivateCredential(client, { credentialUuid: 'cr-1' }, { userAction: 'ua-token' });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/credentials/deactivate`,
      method: 'PUT',
      headers: WITH_USER_ACTION,
      body: '{"credentialUuid":"cr-1"}',
    });
    expect(result).toEqual({ message: 'deactivated' });
  });
});

describe('createCredentialCode', () => {
  it('posts the expiration with the user action and returns the code', async () => {
    const { client, calls } = clientWith([jsonReply({ code: 'A7U-KY6-9PT', expiration: '2025-01-01T00:01:00.000Z' })]);
    const result = await createCredentialCode(client, { expiration: '2025-01-01T00:01:00.000Z' }, { userAction: 'ua-token' });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/credentials/code`,
      method: 'POST',
      headers: WITH_USER_ACTION,
      body: '{"expiration":"2025-01-01T00:01:00.000Z"}',
    });
    expect(result).toEqual({ code: 'A7U-KY6-9PT', expiration: '2025-01-01T00:01:00.000Z' });
  });
});

describe('initCredentialWithCode', () => {
  it('posts the code and kind without auth', async () => {
    const { client, calls } = clientWith([jsonReply(fido2Challenge)]);
    const challenge = await initCredentialWithCode(client, { code: 'A7U-KY6-9PT', credentialKind: 'Fido2' });
    expectTypeOf(challenge).toEqualTypeOf<Fido2CredentialChallenge>();
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/credentials/code/init`,
      method: 'POST',
      headers: JSON_ONLY,
      body: '{"code":"A7U-KY6-9PT","credentialKind":"Fido2"}',
    });
    expect(challenge).toEqual(fido2Challenge);
  });
});

describe('createCredentialWithCode', () => {
  it('posts the credential to verify without auth', async () => {
    const { client, calls } = clientWith([jsonReply(credential)]);
    const result = await createCredentialWithCode(client, createCredentialBody);
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/credentials/code/verify`,
      method: 'POST',
      headers: JSON_ONLY,
      body: JSON.stringify(createCredentialBody),
    });
    expect(result).toEqual(credential);
  });
});
