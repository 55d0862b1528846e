import type { RecoveryChallenge } from '../../api/types';
import { asObject, requireObject, requireOneOf, requireString } from '../bodyChecks';
import { safeEqual, toBase64Url, utf8 } from '../bytes';
import { ok, type EmulatorEngine, type Route } from '../engine';
import { forbidden, notFound, unauthorized } from '../EmulatorHttpError';
import { verifyKeyAssertion } from '../keyCredential';
import type { UserRecord } from '../state';

/** The recovery challenge for `user` and one of their active recovery keys (404 otherwise). */
async function recoveryChallenge(engine: EmulatorEngine, user: UserRecord, credentialId: string): Promise<RecoveryChallenge> {
  const recoveryKeys = engine.userCredentials(user.id).filter((c) => c.kind === 'RecoveryKey' && c.isActive);
  if (!recoveryKeys.some((c) => c.credId === credentialId)) throw notFound('recovery credential not found');
  const challenge = await engine.registrationChallenge(user, (c) => ({
    kind: 'recovery',
    challenge: c,
    recoveryCredId: credentialId,
  }));
  return {
    ...challenge,
    allowedRecoveryCredentials: recoveryKeys.map((c) => ({ id: c.credId, encryptedRecoveryKey: c.encryptedPrivateKey ?? '' })),
  };
}

/** Recovery endpoints: send code, init, delegated init, complete. */
export const recoveryRoutes: Route[] = [
  {
    method: 'POST',
    path: '/auth/recover/user/code',
    async handle(engine, req) {
      const body = asObject(req.body);
      const user = engine.userInOrg(requireString(body, 'orgId'), requireString(body, 'username'));
      if (!user.isRegistered) throw unauthorized('user is not registered');
      user.recoveryCode = engine.pendingCode();
      engine.sendEmail(user.username, 'recovery', user.recoveryCode.code);
      return ok({ message: 'a recovery code was sent' });
    },
  },
  {
    method: 'POST',
    path: '/auth/recover/user/init',
    async handle(engine, req) {
      const body = asObject(req.body);
      const username = requireString(body, 'username');
      const verificationCode = requireString(body, 'verificationCode');
      const orgId = requireString(body, 'orgId');
      const credentialId = requireString(body, 'credentialId');
      const user = engine.userInOrg(orgId, username);
      const pending = user.recoveryCode;
      const right = pending !== undefined && pending.expiresAt > engine.now() && safeEqual(pending.code, verificationCode);
      engine.checkCode(`recovery:${user.id}`, right, unauthorized('verification code is invalid or expired'), 'recovery code');
      const challenge = await recoveryChallenge(engine, user, credentialId);
      user.recoveryCode = undefined;
      return ok(challenge);
    },
  },
  {
    method: 'POST',
    path: '/auth/recover/user/delegated',
    handle: (engine, req) =>
      engine.protectedCall(
        req,
        async () => {
          const body = asObject(req.body);
          const user = engine.userInOrg(engine.options.orgId, requireString(body, 'username'));
          return ok(await recoveryChallenge(engine, user, requireString(body, 'credentialId')));
        },
        { serviceAccountOnly: true },
      ),
  },
  {
    method: 'POST',
    path: '/auth/recover/user',
    async handle(engine, req) {
      const token = await engine.readToken(engine.bearerToken(req), ['recovery'], 'temporary authentication token');
      const user = engine.userById(token.userId);
      const body = asObject(req.body);
      const recovery = requireObject(body, 'recovery');
      requireOneOf(recovery, 'kind', ['RecoveryKey'] as const, 'recovery.');
      const assertion = requireObject(recovery, 'credentialAssertion', 'recovery.');
      const prefix = 'recovery.credentialAssertion.';
      const credId = requireString(assertion, 'credId', prefix);
      const clientData = requireString(assertion, 'clientData', prefix);
      const signature = requireString(assertion, 'signature', prefix);
      const newCredentials = requireObject(body, 'newCredentials');

      if (credId !== token.grant.recoveryCredId) {
        throw forbidden('recovery credential is not the one this recovery was started with');
      }
      const recoveryKey = engine.findCredential(credId);
      if (!recoveryKey || recoveryKey.userId !== user.id || recoveryKey.kind !== 'RecoveryKey' || !recoveryKey.isActive) {
        throw forbidden('recovery credential is not an active recovery key of the user');
      }
      // The old key signs exactly the newCredentials received: re-stringify the parsed object
      // and require the client data challenge to equal its base64url, nothing looser.
      await verifyKeyAssertion(
        { clientData, signature },
        recoveryKey.publicKey,
        {
          challenge: toBase64Url(utf8(JSON.stringify(newCredentials))),
          isOriginAllowed: engine.options.isOriginAllowed,
        },
        'recovery.credentialAssertion',
      );
      const records = await engine.verifyRegistrationCredentials(newCredentials, token.grant.challenge, user, req);

      // Dfns invalidates every previous credential and token of the user.
      for (const old of engine.userCredentials(user.id)) old.isActive = false;
      engine.revokeTokens(user.id);
      engine.storeCredentials(records);
      token.used = true;
      return ok({ credential: engine.credentialSummary(records[0]!), user: engine.registeredUser(user) });
    },
  },
];
