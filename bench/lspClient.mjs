// A minimal Language Server Protocol client over stdio, enough to time the real server (dist/server.js).
import { spawn } from 'node:child_process';

export class LspClient {
  constructor(serverPath) {
    this.child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.child.stdout.on('data', (chunk) => this.receive(chunk));
  }

  // Chunks are kept as they come and joined once a whole message is there: a publish of thousands
  // of diagnostics is megabytes in dozens of chunks, and joining at every chunk would time this
  // client's copying rather than the server.
  receive(chunk) {
    this.chunks ??= [];
    this.chunks.push(chunk);
    this.received = (this.received ?? 0) + chunk.length;
    for (;;) {
      if (this.bodyLength === undefined) {
        const head = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
        this.chunks = [head];
        const headerEnd = head.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        this.bodyLength = Number(/Content-Length: (\d+)/i.exec(head.subarray(0, headerEnd).toString())[1]);
        this.chunks = [head.subarray(headerEnd + 4)];
        this.received = head.length - headerEnd - 4;
      }
      if (this.received < this.bodyLength) return;
      const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
      const message = JSON.parse(all.subarray(0, this.bodyLength).toString('utf8'));
      const rest = all.subarray(this.bodyLength);
      this.chunks = [rest];
      this.received = rest.length;
      this.bodyLength = undefined;
      this.dispatch(message);
    }
  }

  dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      waiter?.(message);
      return;
    }
    if (message.id !== undefined) {
      // Requests from the server (configuration, progress): answer so it never waits on us.
      const result = message.method === 'workspace/configuration' ? message.params.items.map(() => ({})) : null;
      this.write({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  write(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) => (message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result)));
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification `accept` takes, or rejects after `timeoutMs`. */
  waitFor(accept, timeoutMs = 20_000) {
    return new Promise((resolve, reject) => {
      const listener = (message) => {
        if (!accept(message)) return;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(message);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error('timed out waiting for the server'));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  async stop() {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      // Already gone.
    }
    setTimeout(() => this.child.kill(), 500).unref();
  }
}
