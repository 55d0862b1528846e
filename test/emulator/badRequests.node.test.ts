import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDfnsEmulator } from '../../src/emulator/index';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node';
import { BASE } from './helpers/client';
import { rawHttp } from './helpers/rawHttp';

/** A Dfns error body: `{ error: { id, status, message, details } }`. */
const dfnsError = (status: number) => ({ error: expect.objectContaining({ id: expect.any(String), status, message: expect.any(String) }) });

describe('requests fetch would never send, over a real socket (Node server)', () => {
  let server: EmulatorServer;
  let port = 0;
  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, emulator: createDfnsEmulator() });
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server.close());

  const get = (target: string, host = `localhost:${port}`) => rawHttp(port, `GET ${target} HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`);

  it('answers a malformed percent-encoding in the path with a Dfns 400, not a reset', async () => {
    const answer = await get('/wallets/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(dfnsError(400));
    expect(answer.json.error.message).toContain('path');
  });

  it('answers TRACE (which Fetch cannot carry) with a Dfns 405', async () => {
    const answer = await rawHttp(port, `TRACE /auth/login/init HTTP/1.1\r\nhost: localhost:${port}\r\nconnection: close\r\n\r\n`);
    expect(answer.status).toBe(405);
    expect(answer.json).toEqual(dfnsError(405));
    // Bytes Node's HTTP parser refuses before any handler runs get the same shape.
    const garbage = await rawHttp(port, `G@RBAGE / HTTP/1.1\r\nhost: localhost\r\n\r\n`);
    expect(garbage.status).toBe(400);
    expect(garbage.json).toEqual(dfnsError(400));
  });

  it('answers a garbage Host, an impossible port or an absolute-form target with a Dfns error', async () => {
    for (const host of ['not a host', '%%%', 'localhost:99999', '']) {
      const answer = await get('/auth/credentials', host);
      expect(answer.json, JSON.stringify(host)).toEqual(dfnsError(answer.status));
      expect([400, 403], JSON.stringify(host)).toContain(answer.status);
    }
    const absolute = await get('http://evil.example/auth/credentials');
    expect(absolute.status).toBe(400);
    expect(absolute.json).toEqual(dfnsError(400));
  });

  it('answers a body over the limit with 413, announced or streamed', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const announced = await rawHttp(
      port,
      `POST /auth/login/init HTTP/1.1\r\nhost: localhost:${port}\r\ncontent-type: application/json\r\ncontent-length: ${big.length}\r\nconnection: close\r\n\r\n`,
    );
    expect(announced.status).toBe(413);
    expect(announced.json).toEqual(dfnsError(413));
    const streamed = await rawHttp(
      port,
      `POST /auth/login/init HTTP/1.1\r\nhost: localhost:${port}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n` +
        `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`,
    );
    expect(streamed.status).toBe(413);
    expect(streamed.json).toEqual(dfnsError(413));
  });

  it('still serves normal requests afterwards', async () => {
    const answer = await get('/auth/credentials');
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual(dfnsError(401));
  });
});

describe('a malformed path in the page (core handle)', () => {
  it('answers 400 in the Dfns shape instead of rejecting', async () => {
    const emulator = createDfnsEmulator();
    const response = await emulator.handle(new Request(`${BASE}/wallets/%E0%A4%A`));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(dfnsError(400));
  });
});
