/**
 * A Dfns Key credential written independently of the kit with `node:crypto` (reference 3.2/3.3):
 * `create(challenge)` for `DfnsAuthenticator.register` and credential creation, `sign` through the
 * official `AsymmetricKeySigner`.
 */
import { createHash, generateKeyPairSync, randomBytes, sign as signData, type KeyObject } from 'node:crypto';
import type { CredentialSigner, CredentialStore, KeyAssertion, KeyAttestation, RecoveryKeyAttestation, UserActionChallenge } from '@dfns/sdk';
import { AsymmetricKeySigner } from '@dfns/sdk-keysigner';

const b64url = (text: string | Buffer): string => Buffer.from(text).toString('base64url');

/** A P-256 key credential that can attest (`create`) and assert (`sign`). */
export class NodeKeyCredential implements CredentialSigner<KeyAssertion>, CredentialStore<KeyAttestation> {
  readonly credId = randomBytes(32).toString('base64url');
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
  private readonly signer: AsymmetricKeySigner;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString().trim();
    this.privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    this.signer = new AsymmetricKeySigner({ credId: this.credId, privateKey: this.privateKeyPem });
  }

  /** The attestation over a challenge: `key.create` client data, fingerprint signed (DER, hex). */
  private attest(challenge: { challenge: string }) {
    const clientData = JSON.stringify({ type: 'key.create', challenge: challenge.challenge });
    const clientDataHash = createHash('sha256').update(clientData).digest('hex');
    const fingerprint = JSON.stringify({ clientDataHash, publicKey: this.publicKeyPem });
    // node:crypto signs ECDSA as DER by default, which is what Dfns wants.
    const signature = signData('sha256', Buffer.from(fingerprint), this.privateKey).toString('hex');
    return {
      credId: this.credId,
      clientData: b64url(clientData),
      attestationData: b64url(JSON.stringify({ publicKey: this.publicKeyPem, signature, algorithm: 'SHA256' })),
    };
  }

  /** `CredentialStore.create`: this key as a Key credential for a registration or credential challenge. */
  async create(challenge: Parameters<CredentialStore['create']>[0]): Promise<KeyAttestation> {
    // Password and Totp credential challenges carry no challenge string to sign.
    if (!('challenge' in challenge)) throw new Error(`a ${challenge.kind} challenge cannot make a Key credential`);
    return { credentialKind: 'Key', credentialInfo: this.attest(challenge) };
  }

  /** This key as a RecoveryKey credential; the blob is opaque to Dfns, so a placeholder stands in. */
  createRecoveryKey(challenge: { challenge: string }): RecoveryKeyAttestation {
    return {
      credentialKind: 'RecoveryKey',
      credentialInfo: this.attest(challenge),
      encryptedPrivateKey: Buffer.from(JSON.stringify({ key: randomBytes(48).toString('base64'), iv: 'AAAA' })).toString('base64'),
    };
  }

  /** A login or user action assertion, by Dfns's own signer. */
  sign(challenge: UserActionChallenge): Promise<KeyAssertion> {
    return this.signer.sign(challenge);
  }

  /** The recovery assertion: `key.get` over base64url(JSON.stringify(newCredentials)), DER base64url. */
  signRecovery(newCredentials: unknown) {
    const clientData = JSON.stringify({ type: 'key.get', challenge: b64url(JSON.stringify(newCredentials)) });
    return {
      kind: 'RecoveryKey' as const,
      credentialAssertion: {
        credId: this.credId,
        clientData: b64url(clientData),
        signature: signData('sha256', Buffer.from(clientData), this.privateKey).toString('base64url'),
      },
    };
  }
}
