import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DfnsEmulator } from './createDfnsEmulator';

/** A running emulator server. */
export interface EmulatorServer {
  /** `http://localhost:<port>`. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Reads a Node request into a Fetch `Request`. */
async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body });
}

/** Writes a Fetch `Response` to a Node response. */
async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Serves the emulator over HTTP on localhost (CORS included), so Dfns's own `@dfns/sdk` or a
 * Storybook on another port can talk to it. Port 0 picks a free port.
 * @example
 * const { url, close } = await startEmulatorServer({ port: 8787, emulator: createDfnsEmulator() });
 */
export function startEmulatorServer({ port, emulator }: { port: number; emulator: DfnsEmulator }): Promise<EmulatorServer> {
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    toFetchRequest(req, origin)
      .then((request) => emulator.handle(request))
      .then((response) => writeResponse(response, res))
      .catch(() => {
        // A dropped request (fault injection) closes the socket, which clients see as a network error.
        res.destroy();
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${actual}`,
        server,
        close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
  });
}
