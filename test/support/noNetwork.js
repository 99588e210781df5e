// Preloaded with `node --require` (or NODE_OPTIONS) into the CLI and the language server: every
// way of opening a network connection throws, and each attempt is appended to the file named by
// NATS_LATTICE_NETWORK_LOG, so a test can assert that nothing tried.
'use strict';
const fs = require('node:fs');
const log = process.env.NATS_LATTICE_NETWORK_LOG;

function refuse(what) {
  return function refused() {
    const line = `${process.pid} ${what} ${new Error().stack.split('\n').slice(2, 5).join(' | ')}\n`;
    if (log) fs.appendFileSync(log, line);
    throw new Error(`network access refused in this test: ${what}`);
  };
}

const net = require('node:net');
net.connect = net.createConnection = refuse('net.connect');
net.Socket.prototype.connect = refuse('net.Socket.connect');
const tls = require('node:tls');
tls.connect = refuse('tls.connect');
for (const name of ['http', 'https']) {
  const mod = require(`node:${name}`);
  mod.request = refuse(`${name}.request`);
  mod.get = refuse(`${name}.get`);
}
const dns = require('node:dns');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
dns.promises.lookup = refuse('dns.promises.lookup');
const dgram = require('node:dgram');
dgram.createSocket = refuse('dgram.createSocket');
if (typeof globalThis.fetch === 'function') globalThis.fetch = refuse('fetch');
