// Requests each flow sends, counted by driving the built `./core` against the emulator in Node
// (the same steps as test/conformance/kitFlows.ts, on dist/ so the bench needs no TypeScript).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './sizes.mjs';

const ORIGIN = 'http://localhost:6006';
const RP = { id: 'localhost', name: 'Bench' };
const BASE_URL = 'https://api.dfns.test';

const load = (file) => import(pathToFileURL(join(ROOT, 'dist', file)).href);

/**
 * Runs every flow once against a fresh emulator and returns, per flow, the requests it sent.
 * @returns {Promise<{ flow: string, requests: string[] }[]>}
 */
export async function countRequests() {
  const core = await load('core.js');
  const { createDfnsEmulator } = await load('emulator.js');
  const { createSoftwareAuthenticator } = await load('testing.js');
  const emulator = createDfnsEmulator({ origins: [ORIGIN] });
  let sent = [];
  const fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.push(`${request.method} ${new URL(request.url).pathname}`);
    return emulator.handle(request);
  };
  const client = (authToken) => core.createDfnsClient({ baseUrl: BASE_URL, orgId: emulator.orgId, fetch, authToken });
  const device = () => createSoftwareAuthenticator({ origin: ORIGIN, rpId: RP.id });
  const rows = [];
  const count = async (flow, run) => {
    sent = [];
    const result = await run();
    rows.push({ flow, requests: sent });
    return result;
  };

  const register = async (username, authenticator) => {
    const { registrationCode } = emulator.createUser({ username });
    const challenge = await core.initRegistration(client(), { username, registrationCode });
    const passkey = await core.createPasskey(challenge, { rp: RP, authenticator });
    const recovery = await core.createRecoveryKey({ challenge, origin: ORIGIN });
    await core.completeRegistration(client(), {
      temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
      credentials: { firstFactorCredential: passkey, recoveryCredential: recovery.credential },
    });
    return recovery;
  };
  const login = async (username, authenticator) => {
    const challenge = await core.initLogin(client(), { username });
    const firstFactor = await core.signWithPasskey(challenge, { rp: RP, authenticator });
    const result = await core.completeLogin(client(), { challengeIdentifier: challenge.challengeIdentifier, firstFactor });
    return result.token;
  };

  const laptop = device();
  await count('registration (passkey + recovery key)', () => register('jane@example.com', laptop));
  const phone = device();
  // Joe's recovery kit (code and key id) is what the recovery flow below starts from.
  const joeKit = await count('registration + autoLogin', async () => {
    const kit = await register('joe@example.com', phone);
    await login('joe@example.com', phone);
    return kit;
  });
  const token = await count('login', () => login('jane@example.com', laptop));

  await count('recovery (code, unlock, new passkey + recovery key)', async () => {
    await core.sendRecoveryCode(client(), { username: 'joe@example.com' });
    const verificationCode = emulator.lastCode('joe@example.com', 'recovery');
    const recoveryKeyId = joeKit.credId;
    const challenge = await core.initRecovery(client(), { username: 'joe@example.com', verificationCode, credentialId: recoveryKeyId });
    const { encryptedRecoveryKey } = core.findRecoveryKey(challenge, recoveryKeyId);
    const privateKey = await core.unlockRecoveryKey({ encryptedRecoveryKey, recoveryCode: joeKit.recoveryCode, username: challenge.user.name });
    const passkey = await core.createPasskey(challenge, { rp: RP, authenticator: device() });
    const newRecoveryKey = await core.createRecoveryKey({ challenge, origin: ORIGIN });
    const signed = await core.signRecovery({
      newCredentials: { firstFactorCredential: passkey, recoveryCredential: newRecoveryKey.credential },
      credId: recoveryKeyId,
      privateKey,
      origin: ORIGIN,
    });
    return core.recoverUser(client(), { temporaryAuthenticationToken: challenge.temporaryAuthenticationToken, bodyText: core.recoverUserBodyJson(signed) });
  });

  const sign = core.passkeySigner({ rp: RP, authenticator: laptop });
  await count('add passkey (signed user action)', async () => {
    const challenge = await core.initCredential(client(token), { kind: 'Fido2' });
    const passkey = await core.createPasskey(challenge, { rp: RP, authenticator: device() });
    const body = { ...passkey, credentialName: 'Phone', challengeIdentifier: challenge.challengeIdentifier };
    const userAction = await core.getUserActionToken(client(token), { method: 'POST', path: '/auth/credentials', payload: JSON.stringify(body) }, { sign });
    return core.createCredential(client(token), body, { userAction });
  });
  await count('signed request (create wallet)', () =>
    core.signedRequest(client(token), { method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia' } }, { sign }),
  );
  // A passkey on another device from a one-time code: as useCreateCredentialCode and
  // useAddPasskeyWithCode send them (the signed-in side's list polls, one GET each, come on top).
  const { code } = await count('passkey from a code: signed-in device (code + list beside it)', async () => {
    const bodyText = JSON.stringify({ expiration: new Date(Date.now() + 55_000).toISOString() });
    const userAction = await core.getUserActionToken(client(token), { method: 'POST', path: '/auth/credentials/code', payload: bodyText }, { sign });
    const [made] = await Promise.all([
      client(token).request({ method: 'POST', path: '/auth/credentials/code', auth: 'user', bodyText, headers: { 'X-DFNS-USERACTION': userAction } }),
      core.listCredentials(client(token)),
    ]);
    return made;
  });
  await count('passkey from a code: new device', async () => {
    const challenge = await core.initCredentialWithCode(client(), { code, credentialKind: 'Fido2' });
    const passkey = await core.createPasskey(challenge, { rp: RP, authenticator: device() });
    return core.createCredentialWithCode(client(), { ...passkey, credentialName: 'Work PC', challengeIdentifier: challenge.challengeIdentifier });
  });
  // Social sign-in as useSocialSignIn sends it: a new person (the login's 401, the social
  // registration, the end-user registration that signs them in), then the same person again.
  await count('social sign-in, new user (passkey + recovery key + wallet)', async () => {
    const idToken = await emulator.oidc.idTokenFor('sam@example.com');
    const unknown = await core.socialLogin(client(), { idToken }).then(() => false, (error) => error.status === 401);
    if (!unknown) throw new Error('social login of a new person should answer 401');
    const challenge = await core.initSocialRegistration(client(), { idToken });
    const passkey = await core.createPasskey(challenge, { rp: RP, authenticator: device() });
    const recovery = await core.createRecoveryKey({ challenge, origin: ORIGIN });
    return core.completeEndUserRegistration(client(), {
      temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
      credentials: { firstFactorCredential: passkey, recoveryCredential: recovery.credential },
      wallets: [{ network: 'EthereumSepolia' }],
    });
  });
  await count('social sign-in, known user', async () => core.socialLogin(client(), { idToken: await emulator.oidc.idTokenFor('sam@example.com') }));
  // SSO after POST /auth/login answered { ssoClientId } (the login's own requests not counted):
  // init, the identity provider's page (not a Dfns request), the code traded at redirectUri.
  await count('SSO login (after /auth/login answered ssoClientId)', async () => {
    emulator.sso.requireFor('jane@example.com');
    const { ssoRedirectUrl } = await core.initSsoLogin(client(), { clientId: emulator.sso.clientId, redirectUri: `${ORIGIN}/sso` });
    const state = core.stateOfSsoRedirectUrl(ssoRedirectUrl);
    const idp = new Request(new URL('/emulator/idp/authorize', ssoRedirectUrl), { method: 'POST', body: new URLSearchParams({ state, email: 'jane@example.com' }) });
    const code = new URL((await emulator.handle(idp)).headers.get('location')).searchParams.get('code');
    return core.completeSsoLogin(client(), { code, state });
  });
  return rows;
}
