/** Test helpers for customers and for the kit's own tests and stories: passkey authenticators without a browser prompt. */
export { encodeCbor, type CborValue } from './cbor';
export { rawSignatureToDer } from './derSignature';
export { type PasskeyAuthenticator } from './passkeyAuthenticator';
export {
  createSoftwareAuthenticator,
  type SoftwareAuthenticator,
  type SoftwareAuthenticatorOptions,
  type SoftwareCredentialInfo,
} from './softwareAuthenticator';
export {
  createFakeAuthenticator,
  type FakeAuthenticatorOptions,
  type FakeCeremonyScript,
} from './fakeAuthenticator';
