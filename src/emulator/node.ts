import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
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
  /** Largest request body in bytes; a larger one gets 413. Default `DEFAULT_MAX_BODY_BYTES` (1 MiB). */
  maxBodyBytes?: number | undefined;
}

/** Wildcard listen addresses: they are not names a client puts in `Host`. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** A host for a URL or a Host comparison: IPv6 literals in brackets. */
const bracketed = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** Methods the Fetch `Request` cannot carry (the Fetch standard forbids them). */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** Default largest request body: Dfns bodies are a few kilobytes; a megabyte is generous. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a Node request into a Fetch `Request`, or throws an `EmulatorHttpError` (a Dfns-shaped
 * answer) for what Fetch cannot represent: a forbidden method, an absolute-form or unparsable
 * target, a body over `maxBodyBytes` (413, announced or streamed).
 */
async function toFetchRequest(req: IncomingMessage, origin: string, maxBodyBytes: number): Promise<Request> {
  const method = req.method ?? 'GET';
  if (FORBIDDEN_METHODS.has(method)) throw new EmulatorHttpError(405, `method ${method} is not allowed`);
  const target = req.url ?? '/';
  if (!target.startsWith('/')) throw new EmulatorHttpError(400, 'the request target must be a path starting with /');
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch (error) {
    throw new EmulatorHttpError(400, 'the request URL cannot be parsed', {}, { cause: error });
  }
  const tooLarge = (): EmulatorHttpError => new EmulatorHttpError(413, `request body is larger than ${maxBodyBytes} bytes`, { limit: maxBodyBytes });
  if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Uint8Array).length;
    if (size > maxBodyBytes) throw tooLarge();
    chunks.push(chunk as Uint8Array);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const bytes = Buffer.concat(chunks);
  // An empty body is no body, so a DELETE without one is not taken for a body-carrying request.
  const body = method === 'GET' || method === 'HEAD' || bytes.length === 0 ? undefined : bytes;
  return new Request(url, { method, headers, body });
}

/** Writes a Fetch `Response` to a Node response. */
async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), 'content-length': String(body.length) });
  res.end(body);
}

/** A Dfns-shaped JSON error as bytes. */
function errorJson(error: EmulatorHttpError): string {
  return JSON.stringify(errorBody(error.status, error.message, error.details));
}

/**
 * Writes a Dfns-shaped JSON error. With `close`, the connection ends after it (the rest of an
 * oversized body is read and discarded, never buffered, so the client still reads the answer).
 */
function writeError(res: ServerResponse, error: EmulatorHttpError, close = false): void {
  const body = errorJson(error);
  res.writeHead(error.status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(body);
  if (close) res.req.resume();
}

/** Answers bytes the HTTP parser itself refused (bad method token, bad header) in the Dfns shape. */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = errorJson(new EmulatorHttpError(status, `the request is not valid HTTP (${error.code ?? 'parse error'})`));
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * Serves the emulator over HTTP (CORS included), so Dfns's own `@dfns/sdk` or a Storybook on
 * another port can talk to it. Port 0 picks a free port. It answers only `Host` names of this
 * machine (DNS rebinding), and its admin routes only requests carrying `adminSecret`.
 * @example
 * const { url, adminSecret, close } = await startEmulatorServer({ port: 8787, emulator: createDfnsEmulator() });
 */
export function startEmulatorServer({
  port,
  emulator,
  host = 'localhost',
  allowedHosts = [],
  adminSecret = randomToken(32),
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
}: EmulatorServerOptions): Promise<EmulatorServer> {
  const extraHosts = [...allowedHosts, ...(WILDCARDS.has(host) ? [] : [host])].map(bracketed);
  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, extraHosts)) {
      writeError(
        res,
        new EmulatorHttpError(403, `host ${JSON.stringify(req.headers.host ?? '')} is not a loopback name; the emulator answers localhost, 127.0.0.1 and [::1] (add names with --allowed-host)`),
      );
      return;
    }
    toFetchRequest(req, `http://${req.headers.host}`, maxBodyBytes).then(
      (request) =>
        emulator
          .handle(request, { adminSecret })
          .then((response) => writeResponse(response, res))
          .catch(() => {
            // handle() rejects only for a dropped request (fault injection): close the socket,
            // which clients see as a network error.
            res.destroy();
          }),
      (error: unknown) => {
        const answer = error instanceof EmulatorHttpError ? error : new EmulatorHttpError(400, 'the request cannot be read');
        writeError(res, answer, answer.status === 413);
      },
    );
  });
  server.on('clientError', answerClientError);
  // CONNECT never reaches the request handler; without a listener Node would just drop the socket.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    answerClientError(Object.assign(new Error('CONNECT'), { code: 'CONNECT is not allowed' }), socket);
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
