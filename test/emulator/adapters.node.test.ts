import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createDfnsEmulator } from '../../src/emulator/index';
import { dfnsEmulatorHandlers } from '../../src/emulator/msw';
import { startEmulatorServer } from '../../src/emulator/node';

describe('emulator adapters', () => {
  it('answers fetch through MSW handlers under the base URL', async () => {
    const emulator = createDfnsEmulator();
    const server = setupServer(...dfnsEmulatorHandlers(emulator, { baseUrl: 'https://api.dfns.test/' }));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const response = await fetch('https://api.dfns.test/auth/login/init', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orgId: emulator.orgId }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ allowCredentials: { key: [], webauthn: [] } });
      emulator.faults.set({ path: '/auth/login/init', drop: true });
      await expect(fetch('https://api.dfns.test/auth/login/init', { method: 'POST', body: '{}' })).rejects.toThrow(TypeError);
    } finally {
      server.close();
    }
  });

  it('serves the emulator over HTTP with CORS for the default Storybook origin', async () => {
    const emulator = createDfnsEmulator();
    const { url, close } = await startEmulatorServer({ port: 0, emulator });
    try {
      const preflight = await fetch(`${url}/auth/action`, { method: 'OPTIONS', headers: { origin: 'http://localhost:6006' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
      const response = await fetch(`${url}/auth/registration/init`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orgId: emulator.orgId, registrationCode: 'x' }),
      });
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toBe('username is required');
    } finally {
      await close();
    }
  });
});
