import { connect, type Socket } from 'node:net';

/** A credential as Marionette's `WebAuthn:GetCredentials` returns it and `WebAuthn:AddCredential` takes it. */
export interface FirefoxCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

/** The options of `WebAuthn:AddVirtualAuthenticator` (the WebDriver WebAuthn extension). */
export interface VirtualAuthenticatorOptions {
  protocol?: 'ctap2' | 'ctap1/u2f';
  transport?: 'internal' | 'usb' | 'nfc' | 'ble';
  hasResidentKey?: boolean;
  hasUserVerification?: boolean;
  /** `false`: the user dismisses every prompt (Firefox then rejects with NotAllowedError at once). */
  isUserConsenting?: boolean;
  isUserVerified?: boolean;
}

/**
 * A client of Marionette, Firefox's own automation socket: frames are `<byteLength>:<json>`,
 * commands `[0, id, name, params]`, replies `[1, id, error, result]`. The WebDriver WebAuthn
 * commands work on it without a session, beside WebDriver BiDi driving the pages (Firefox's BiDi
 * has no virtual authenticator, and there is no geckodriver on our machines).
 */
export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; name: string }>();

  private constructor(private readonly socket: Socket) {}

  /** Connects to Marionette on `port` and waits for its hello frame. */
  static connect(port: number, host = '127.0.0.1'): Promise<Marionette> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host);
      const client = new Marionette(socket);
      let greeted = false;
      socket.once('error', reject);
      socket.on('data', (chunk: Buffer) => {
        client.buffer = Buffer.concat([client.buffer, chunk]);
        for (let frame = client.readFrame(); frame !== undefined; frame = client.readFrame()) {
          if (!greeted) {
            greeted = true;
            resolve(client);
          } else client.settle(frame);
        }
      });
      socket.on('close', () => {
        for (const waiter of client.pending.values()) waiter.reject(new Error(`Marionette closed before answering ${waiter.name}`));
        client.pending.clear();
      });
    });
  }

  /** The next complete frame in the buffer, if any. */
  private readFrame(): unknown {
    const colon = this.buffer.indexOf(0x3a);
    if (colon < 0) return undefined;
    const length = Number(this.buffer.subarray(0, colon).toString());
    if (this.buffer.length < colon + 1 + length) return undefined;
    const body = this.buffer.subarray(colon + 1, colon + 1 + length).toString();
    this.buffer = this.buffer.subarray(colon + 1 + length);
    return JSON.parse(body) as unknown;
  }

  private settle(frame: unknown): void {
    if (!Array.isArray(frame) || frame[0] !== 1) return;
    const [, id, error, result] = frame as [1, number, { error: string; message: string } | null, unknown];
    const waiter = this.pending.get(id);
    if (!waiter) return;
    this.pending.delete(id);
    if (error) waiter.reject(new Error(`${waiter.name}: ${error.error}: ${error.message}`));
    else waiter.resolve(result);
  }

  /** Sends one command and resolves with its result (rejects with Marionette's error). */
  send<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.nextId;
    const json = JSON.stringify([0, id, name, params]);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, name });
      this.socket.write(`${Buffer.byteLength(json)}:${json}`);
    });
  }

  /** Adds a virtual authenticator (CTAP2, internal, resident keys and UV by default) and returns its id. */
  async addAuthenticator(options: VirtualAuthenticatorOptions = {}): Promise<string> {
    const { value } = await this.send<{ value: string }>('WebAuthn:AddVirtualAuthenticator', {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserConsenting: true,
      isUserVerified: true,
      ...options,
    });
    return value;
  }

  /** Removes a virtual authenticator. */
  async removeAuthenticator(authenticatorId: string): Promise<void> {
    await this.send('WebAuthn:RemoveVirtualAuthenticator', { authenticatorId });
  }

  /** The credentials an authenticator holds, with their private keys. */
  async credentials(authenticatorId: string): Promise<FirefoxCredential[]> {
    const { value } = await this.send<{ value: FirefoxCredential[] }>('WebAuthn:GetCredentials', { authenticatorId });
    return value;
  }

  /** Puts an exported credential on an authenticator. */
  async addCredential(authenticatorId: string, credential: FirefoxCredential): Promise<void> {
    // Firefox 153 reads the credential from a `credentials` member (the WebDriver spec has it flat).
    await this.send('WebAuthn:AddCredential', { authenticatorId, credentials: credential });
  }

  /** Whether the authenticator's user verification succeeds. */
  async setUserVerified(authenticatorId: string, isUserVerified: boolean): Promise<void> {
    await this.send('WebAuthn:SetUserVerified', { authenticatorId, isUserVerified });
  }

  /** Closes the socket (Firefox keeps running). */
  close(): void {
    this.socket.destroy();
  }
}
