// NATS subject patterns: does a deny rule cover (part of) a subject space?

function tokens(subject: string): string[] {
  return subject.split('.');
}

/**
 * True when some concrete subject matches both patterns. `*` matches one token, `>` one or more
 * trailing tokens. A deny pattern that overlaps `$JS.hub.API.>` blocks some JetStream API calls.
 */
export function subjectsOverlap(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  for (let i = 0; ; i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === undefined || y === undefined) return x === undefined && y === undefined;
    if (x === '>' || y === '>') return true;
    if (x !== '*' && y !== '*' && x !== y) return false;
  }
}

/** The JetStream API subjects a client uses for a domain (none: the local, undomained API). */
export function jetStreamApiSubject(domain: string | undefined): string {
  return domain ? `$JS.${domain}.API.>` : '$JS.API.>';
}
