import { connect } from 'node:net';

/** What came back over the socket: the status line's code, lower-cased headers and the body text. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  json: any;
}

/**
 * Sends `request` byte for byte to `localhost:port` and reads until the server closes or the
 * response is complete. Unlike fetch, nothing is normalised: a bad URL, a `TRACE` or a garbage
 * `Host` reach the server as written. Rejects when the server resets the connection.
 */
export function rawHttp(port: number, request: string | Buffer, { timeoutMs = 5_000 } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: 'localhost' });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer in ${timeoutMs} ms: ${Buffer.concat(chunks).toString('latin1')}`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`the connection closed without an HTTP answer (${JSON.stringify(text)})`));
      const [statusLine = '', ...lines] = text.slice(0, split).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) headers[line.slice(0, line.indexOf(':')).trim().toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
      const body = text.slice(split + 4);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body, json });
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // Stop as soon as a Content-Length body is complete, so keep-alive servers need not close.
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, split));
      if (split >= 0 && length && Buffer.byteLength(text.slice(split + 4), 'latin1') >= Number(length[1])) {
        socket.end();
        finish();
        socket.destroy();
      }
    });
    socket.on('end', finish);
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.write(request);
  });
}
