// Pin comments: `nats-lattice: server=<path> [account=<name>]` inside any comment of a host source.
// The syntax is documented on HostPin (hostSettings.ts).

import * as path from 'node:path';
import type { FileProblem } from '../diagnostics';
import type { HostPin } from './hostSettings';

const PIN_MARKER = /nats-lattice\s*:/;
const PIN_KEYS = ['server', 'account'] as const;

/**
 * Reads a pin from a comment's text (`commentStart` is the offset of the comment's first character
 * after the marker `#`/`;`, `comment` its text up to the end of the line). Returns undefined when the
 * comment is not a pin. Unknown keys and a missing `server=` are reported, not thrown.
 */
export function parsePin(file: string, comment: string, commentStart: number, problems: FileProblem[]): HostPin | undefined {
  const marker = PIN_MARKER.exec(comment);
  if (!marker) return undefined;
  // Only a comment that starts with the marker is a pin; prose mentioning the tool is not.
  if (comment.slice(0, marker.index).trim() !== '') return undefined;
  const text = comment.replace(/\r$/, '');
  const start = commentStart + marker.index;
  const end = commentStart + text.trimEnd().length;
  const pin: HostPin = { file, span: { start, end } };
  const body = text.slice(marker.index + marker[0].length);
  const bodyStart = start + marker[0].length;
  const pair = /(\S+?)=("([^"]*)"|'([^']*)'|\S*)|(\S+)/g;
  for (let m = pair.exec(body); m; m = pair.exec(body)) {
    const at = bodyStart + m.index;
    if (m[5] !== undefined) {
      problems.push({ file, start: at, end: at + m[5].length, code: 'pin-syntax', severity: 'warning', message: `"${m[5]}" in a nats-lattice pin is not key=value. Write for example: # nats-lattice: server=../nats/hub.conf` });
      continue;
    }
    const key = m[1];
    const value = m[3] ?? m[4] ?? m[2];
    const valueStart = at + key.length + 1;
    const valueSpan = { start: valueStart, end: valueStart + m[2].length };
    if (key === 'server') {
      if (value === '') {
        problems.push({ file, start: at, end: valueSpan.end, code: 'pin-syntax', severity: 'warning', message: 'The pin\'s server= is empty. Write the path of the NATS configuration this host connects to, relative to this file.' });
        continue;
      }
      pin.server = { value, path: path.resolve(path.dirname(file), value), span: valueSpan };
    } else if (key === 'account') {
      pin.account = { value, span: valueSpan };
    } else {
      problems.push({ file, start: at, end: at + key.length, code: 'pin-unknown-key', severity: 'warning', message: `Unknown key "${key}" in a nats-lattice pin. Known keys: ${PIN_KEYS.join(', ')}.` });
    }
  }
  if (!pin.server) {
    problems.push({ file, start, end, code: 'pin-syntax', severity: 'warning', message: 'A nats-lattice pin needs server=<path of the NATS configuration>, e.g. # nats-lattice: server=../nats/hub.conf' });
  }
  return pin;
}
