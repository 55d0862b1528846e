/**
 * Issue 19: a sign-in or sign-up card renders from its form, its copy and its flow's reducer; what
 * talks to Dfns and to the authenticator (the HTTP layer, the endpoint functions and their response
 * checks, the passkey ceremony) is fetched once it has rendered (`FETCHED_AT_MOUNT`), before any
 * click needs it. Measured on the built `dist/` as a Vite app splits it (scripts/bundleSize.mjs).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measureUse, ROOT, ensureDist } from '../../scripts/bench/sizes.mjs';

/** The kit modules (by path under dist/lib) of a bundle part. */
const modulesOf = (inputs: Record<string, number>): string[] =>
  Object.keys(inputs)
    .filter((file) => file.startsWith('dist/lib/'))
    .map((file) => file.replace(/^dist\/lib\//, '').replace(/\.js$/, ''));

beforeAll(() => {
  ensureDist();
});

describe('a flow’s steps come after its form', () => {
  it('<LoginWithPasskey/>: the requests and the ceremony are fetched at mount, not with the page', async () => {
    const { initial, mount } = await measureUse(['DfnsAuthProvider', 'LoginWithPasskey']);
    const first = modulesOf(initial.inputs);
    const atMount = modulesOf(mount.inputs);
    expect(first).toEqual(expect.arrayContaining(['components/LoginWithPasskey', 'hooks/useLoginWithPasskey', 'flows/loginFlow']));
    const steps = ['hooks/loginSteps', 'api/request', 'api/login', 'api/validators', 'webauthn/signWithPasskey', 'webauthn/browserAuthentication'];
    for (const module of steps) {
      expect(first).not.toContain(module);
      expect(atMount).toContain(module);
    }
  }, 60_000);

  it('<RegisterPasskey/>: the requests and the ceremony are fetched at mount, not with the page', async () => {
    const { initial, mount } = await measureUse(['DfnsAuthProvider', 'RegisterPasskey']);
    const first = modulesOf(initial.inputs);
    const atMount = modulesOf(mount.inputs);
    expect(first).toEqual(expect.arrayContaining(['components/RegisterPasskey', 'hooks/useRegisterPasskey', 'flows/registerPasskeyFlow']));
    for (const module of ['hooks/registerSteps', 'api/request', 'api/registration', 'api/validators', 'webauthn/createPasskey']) {
      expect(first).not.toContain(module);
      expect(atMount).toContain(module);
    }
  }, 60_000);
});
