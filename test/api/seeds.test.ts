import { describe, expect, it } from 'vitest';
import { initCredential, initDelegatedRecovery, initRecovery, initRegistration, initUserAction } from '../../src/api';
import {
  credentialChallengeFido2Seed,
  delegatedRecoverySeed,
  delegatedRecoveryVerbatimSeed,
  recoverUserInitSeed,
  registrationInitSeed,
  userActionInitSeed,
} from './fixtures/seedResponses';
import { fido2Assertion, signingChallenge } from './fixtures/wire';
import { clientWith, jsonReply, textReply } from './recordingFetch';

/** A 200 whose body is the seed text exactly as Dfns's page prints it. */
function seedReply(text: string): Response {
  return textReply(text, 200, 'application/json');
}

describe("the Dfns pages' own example responses", () => {
  it('parse as a registration challenge (registration init)', async () => {
    const { client } = clientWith([seedReply(registrationInitSeed)]);
    const challenge = await initRegistration(client, { username: 'jane@example.co', registrationCode: 'code' });
    expect(challenge).toEqual(JSON.parse(registrationInitSeed));
    expect(challenge.pubKeyCredParams).toEqual([{ type: 'public-key', alg: 123 }]);
  });

  it('parse as a recovery challenge (recovery init)', async () => {
    const { client } = clientWith([seedReply(recoverUserInitSeed)]);
    const challenge = await initRecovery(client, { username: 'jane@example.co', verificationCode: '1', credentialId: 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk' });
    expect(challenge).toEqual(JSON.parse(recoverUserInitSeed));
    expect(challenge.allowedRecoveryCredentials).toEqual([{ id: '<string>', encryptedRecoveryKey: '<string>' }]);
  });

  it('parse as a recovery challenge (delegated recovery), reading the singular pubKeyCredParam the page uses', async () => {
    const { client } = clientWith([jsonReply(signingChallenge), jsonReply({ userAction: 'ua' }), seedReply(delegatedRecoverySeed)]);
    const challenge = await initDelegatedRecovery(
      client,
      { username: 'jane@example.co', credentialId: 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk' },
      { sign: async () => fido2Assertion },
    );
    expect(challenge).toMatchObject({
      user: { id: 'us-2ba0h-lvp2q-8v1860pcj1bh5irf', name: 'jane@example.co' },
      challenge: 'MmE5YzRmMzMwY2NlNGUyMjhjZWYzMzlhZDBhZmIxNzk',
      supportedCredentialKinds: { firstFactor: ['Fido2', 'Key'], secondFactor: ['Fido2', 'Key'] },
      attestation: 'direct',
      allowedRecoveryCredentials: [{ id: 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk' }],
    });
    expect(challenge.pubKeyCredParams).toEqual([
      { type: 'public-key', alg: -7 },
      { type: 'public-key', alg: -257 },
    ]);
  });

  it("report the delegated recovery page's verbatim example, which is not JSON, as invalid_response", async () => {
    const { client } = clientWith([jsonReply(signingChallenge), jsonReply({ userAction: 'ua' }), seedReply(delegatedRecoveryVerbatimSeed)]);
    const error = await initDelegatedRecovery(client, { username: 'a', credentialId: 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk' }, { sign: async () => fido2Assertion }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'invalid_response', status: 200 });
    expect((error as Error).message).toContain('the body was not JSON');
  });

  it('parse as a Fido2 credential challenge (credential challenge)', async () => {
    const { client } = clientWith([seedReply(credentialChallengeFido2Seed)]);
    const challenge = await initCredential(client, { kind: 'Fido2' });
    expect(challenge).toEqual(JSON.parse(credentialChallengeFido2Seed));
    expect(challenge.temporaryAuthenticationToken).toBe('<string>');
  });

  it('parse as a signing challenge (user action init)', async () => {
    const { client } = clientWith([seedReply(userActionInitSeed)]);
    const challenge = await initUserAction(client, {
      userActionHttpMethod: 'POST',
      userActionHttpPath: '/wallets',
      userActionPayload: '{}',
    });
    expect(challenge).toEqual(JSON.parse(userActionInitSeed));
    expect(challenge.allowCredentials.passwordProtectedKey).toEqual([
      { type: 'public-key', id: '<string>', encryptedPrivateKey: '<string>' },
    ]);
  });
});
