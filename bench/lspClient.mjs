// A minimal Language Server Protocol client over stdio, enough to time the real server (dist/server.js).
import { spawn } from 'node:child_process';

export class LspClient {
  constructor(serverPath) {
    this.child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.buffer = Buffer.alloc(0);
    this.child.stdout.on('data', (chunk) => this.receive(chunk));
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
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
