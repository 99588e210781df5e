// Small lattices written as files, shared by the topology tests.

export const hub = (i: number, domain = 'hub') => `server_name: hub-${i}
listen: 0.0.0.0:4222
jetstream { store_dir: /data/js, domain: ${domain} }
cluster {
  name: hub
  listen: 0.0.0.0:6222
  routes: [nats-route://hub-1:6222, nats-route://hub-2:6222, nats-route://hub-3:6222]
}
leafnodes { port: 7422 }
`;

export const hubCluster = { 'hub/nats-hub-1.conf': hub(1), 'hub/nats-hub-2.conf': hub(2), 'hub/nats-hub-3.conf': hub(3) };

export const leaf = (name: string, options: { domain?: string; urls?: string[]; account?: string } = {}) => `server_name: ${name}
listen: 127.0.0.1:4222
${options.domain ? `jetstream { store_dir: /js, domain: ${options.domain} }` : ''}
leafnodes { remotes: [ { urls: [${(options.urls ?? ['nats-leaf://hub-1:7422']).map((u) => `"${u}"`).join(', ')}]${options.account ? `, account: ${options.account}` : ''} } ] }
`;

export const env = (domain?: string, host = '127.0.0.1', port = 4222) =>
  `WASMCLOUD_NATS_HOST=${host}\nWASMCLOUD_NATS_PORT=${port}\nWASMCLOUD_LATTICE=default\n${domain ? `WASMCLOUD_JS_DOMAIN=${domain}\n` : ''}`;
