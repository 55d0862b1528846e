import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DfnsEmulator } from './createDfnsEmulator';
import { EmulatorHttpError, errorBody } from './EmulatorHttpError';
import { randomToken } from './ids';
import { isAllowedHost } from './isAllowedHost';

/** A running emulator server. */
export interface EmulatorServer {
  /** `http://localhost:<port>` (or the `host` it was given). */
  url: string;
  server: Server;
  /** The secret admin requests must carry in `x-emulator-admin-secret` (fresh per server unless given). */
  adminSecret: string;
  close(): Promise<void>;
}

/** Options of `startEmulatorServer`. */
export interface EmulatorServerOptions {
  /** Port to listen on; 0 picks a free one. */
  port: number;
  emulator: DfnsEmulator;
  /**
   * Interface to listen on. Default `localhost`. A name or address given here is also accepted
   * in the `Host` header; the wildcards `0.0.0.0` and `::` are not names, so list the names
   * clients will use in `allowedHosts`.
   */
  host?: string | undefined;
  /** `Host` names answered besides `localhost`, `127.0.0.1` and `[::1]` (a container or proxy name). */
  allowedHosts?: readonly string[] | undefined;
  /** The admin secret; a fresh random one (192 bits) when absent. */
  adminSecret?: string | undefined;
}

/** Wildcard listen addresses: they are not names a client puts in `Host`. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** A host for a URL or a Host comparison: IPv6 literals in brackets. */
const bracketed = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** Reads a Node request into a Fetch `Request`. */
async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  const bytes = Buffer.concat(chunks);
  // An empty body is no body, so a DELETE without one is not taken for a body-carrying request.
  const body = method === 'GET' || method === 'HEAD' || bytes.length === 0 ? undefined : bytes;
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body });
}

/** Writes a Fetch `Response` to a Node response. */
async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), 'content-length': String(body.length) });
  res.end(body);
}

/** Writes a Dfns-shaped JSON error. */
function writeError(res: ServerResponse, error: EmulatorHttpError): void {
  const body = JSON.stringify(errorBody(error.status, error.message, error.details));
  res.writeHead(error.status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/**
 * Serves the emulator over HTTP (CORS included), so Dfns's own `@dfns/sdk` or a Storybook on
 * another port can talk to it. Port 0 picks a free port. It answers only `Host` names of this
 * machine (DNS rebinding), and its admin routes only requests carrying `adminSecret`.
 * @example
 * const { url, adminSecret, close } = await startEmulatorServer({ port: 8787, emulator: createDfnsEmulator() });
 */
export function startEmulatorServer({ port, emulator, host = 'localhost', allowedHosts = [], adminSecret = randomToken(32) }: EmulatorServerOptions): Promise<EmulatorServer> {
  const extraHosts = [...allowedHosts, ...(WILDCARDS.has(host) ? [] : [host])].map(bracketed);
  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, extraHosts)) {
      writeError(
        res,
        new EmulatorHttpError(403, `host ${JSON.stringify(req.headers.host ?? '')} is not a loopback name; the emulator answers localhost, 127.0.0.1 and [::1] (add names with --allowed-host)`),
      );
      return;
    }
    const origin = `http://${req.headers.host}`;
    toFetchRequest(req, origin)
      .then((request) => emulator.handle(request, { adminSecret }))
      .then((response) => writeResponse(response, res))
      .catch(() => {
        // A dropped request (fault injection) closes the socket, which clients see as a network error.
        res.destroy();
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://${WILDCARDS.has(host) ? 'localhost' : bracketed(host)}:${actual}`,
        server,
        adminSecret,
        close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
  });
}
