// Addresses as nats-server and its clients read them: URLs with schemes, host:port, bare hosts.
import { Endpoint } from './model';

/** nats-server's default ports (const.go): clients 4222, leaf remotes 7422, routes 6222. */
export const DEFAULT_PORTS = { client: 4222, leafnodes: 7422, cluster: 6222, gateway: 7222 } as const;

const SCHEME_DEFAULT_PORT: Record<string, number> = {
  nats: DEFAULT_PORTS.client,
  tls: DEFAULT_PORTS.client,
  'nats-leaf': DEFAULT_PORTS.leafnodes,
  'nats-route': DEFAULT_PORTS.cluster,
  ws: 80,
  wss: 443,
};

export interface ParsedAddress extends Endpoint {
  scheme?: string;
  /** The port was written, not taken from a default. */
  explicitPort: boolean;
}

/**
 * Reads `scheme://user:pass@host:port`, `host:port`, `[v6]:port` or `host`. Returns undefined for
 * text that is no address at all (empty, or a port that is not a number).
 */
export function parseAddress(text: string, defaultPort: number): ParsedAddress | undefined {
  let rest = text.trim();
  let scheme: string | undefined;
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1].toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
  }
  rest = rest.replace(/[/?#].*$/, '');
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  let host: string;
  let portText: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    host = rest.slice(1, close);
    const after = rest.slice(close + 1);
    if (after.startsWith(':')) portText = after.slice(1);
    else if (after !== '') return undefined;
  } else {
    const colon = rest.lastIndexOf(':');
    const isBareV6 = rest.indexOf(':') !== colon;
    if (colon >= 0 && !isBareV6) {
      host = rest.slice(0, colon);
      portText = rest.slice(colon + 1);
    } else {
      host = rest;
    }
  }
  const fallback = (scheme && SCHEME_DEFAULT_PORT[scheme]) || defaultPort;
  if (portText !== undefined && !/^\d{1,5}$/.test(portText)) return undefined;
  const port = portText !== undefined ? Number(portText) : fallback;
  if (host === '' && portText === undefined) return undefined;
  return { scheme, host: host.toLowerCase(), port, explicitPort: portText !== undefined };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', 'ip6-localhost']);
const WILDCARD = new Set(['', '0.0.0.0', '::', '[::]', '*']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/** A listener bound to every interface (or to none in particular). */
export function isWildcard(host: string): boolean {
  return WILDCARD.has(host);
}

export function formatEndpoint(e: Endpoint): string {
  return e.host.includes(':') ? `[${e.host}]:${e.port}` : `${e.host}:${e.port}`;
}
