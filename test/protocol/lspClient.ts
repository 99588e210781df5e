import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A JSON-RPC message as it travels between client and server. */
export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string; data?: unknown };
}

interface Waiter {
  matches(message: Message): boolean;
  resolve(message: Message): void;
}

/**
 * The smallest real LSP client: spawns a server over stdio and speaks framed JSON-RPC to it
 * (`Content-Length: N\r\n\r\n` + N bytes of UTF-8 JSON). Every notification the server sends is
 * kept in `received`, so tests can both wait for one and check what else arrived.
 */
export class LspClient {
  readonly received: Message[] = [];
  private readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(result: any): void; reject(error: Error): void }>();
  private waiters: Waiter[] = [];
  private stderr = '';
  private exited = false;
  /** Resolves with the exit code once the server process has ended. */
  readonly exitCode: Promise<number | null>;

  constructor(serverPath: string, private readonly timeoutMs = 10_000) {
    if (!fs.existsSync(serverPath)) {
      throw new Error(`language server bundle not found at ${serverPath}: run \`node scripts/build.mjs\` first`);
    }
    this.child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exitCode = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      const error = new Error(`language server exited (code ${code}, signal ${signal}); stderr:\n${this.stderr}`);
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    });
    this.child.stdin!.on('error', () => undefined); // the exit handler reports why
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.send({ jsonrpc: '2.0', id, method, params });
    return this.withTimeout(answer, `response to ${method}`);
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The first notification (already received or still to come) with this method that `matches` accepts. */
  waitForNotification(method: string, matches: (params: any) => boolean = () => true, after = 0): Promise<Message> {
    const accept = (message: Message) => message.method === method && matches(message.params);
    const already = this.received.slice(after).find(accept);
    if (already) return Promise.resolve(already);
    const arrived = new Promise<Message>((resolve) => this.waiters.push({ matches: accept, resolve }));
    return this.withTimeout(arrived, `notification ${method}`);
  }

  /** Sends shutdown and exit, and kills the server if it has not gone within a second. */
  async close(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await Promise.race([this.request('shutdown', null), delay(1000)]);
      this.notify('exit', null);
    } catch {
      // Already dying; the kill below makes sure.
    }
    await Promise.race([gone, delay(1000)]);
    this.kill();
  }

  /** Closes the server's input as a client that crashed would, without shutdown or exit. */
  closeInput(): void {
    this.child.stdin!.end();
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  get serverErrors(): string {
    return this.stderr;
  }

  private send(message: Message): void {
    if (this.exited) throw new Error(`cannot send ${message.method ?? 'response'}: the language server has exited\n${this.stderr}`);
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`malformed message header from server: ${header}`);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body) as Message);
    }
  }

  private onMessage(message: Message): void {
    if (message.method === undefined) {
      const waiting = this.pending.get(Number(message.id));
      if (!waiting) return;
      this.pending.delete(Number(message.id));
      if (message.error) waiting.reject(new Error(`server answered with error ${message.error.code}: ${message.error.message}`));
      else waiting.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      // A request from the server (configuration, capability registration): answer like a plain client.
      const result = message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    this.received.push(message);
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.matches(message)) waiter.resolve(message);
      else still.push(waiter);
    }
    this.waiters = still;
  }

  private withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${this.timeoutMs} ms waiting for ${what}; server stderr:\n${this.stderr || '(empty)'}`)),
        this.timeoutMs,
      );
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** dist/server.js of this repository (or NATS_LATTICE_SERVER, to try another bundle). */
export function bundledServerPath(): string {
  if (process.env.NATS_LATTICE_SERVER) return path.resolve(process.env.NATS_LATTICE_SERVER);
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    const manifest = path.join(folder, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'nats-lattice') {
      return path.join(folder, 'dist', 'server.js');
    }
    if (path.dirname(folder) === folder) return path.resolve('dist', 'server.js');
  }
}
