// Short human-readable names for value types, shared by hover text and the
// generated docs/options.md.

import { BLOCKS } from './natsOptions';
import type { DurationNumbers, ValueType } from './optionTypes';

const DURATION_NUMBERS: Record<DurationNumbers, string> = {
  rejected: 'duration string such as "30s"',
  'seconds-with-warning': 'duration such as "30s" (a bare number means seconds and draws a warning)',
  'integer-seconds': 'duration such as "30s", or whole seconds',
  'number-seconds': 'seconds as a number, or a duration such as "1.5s"',
};

export function describeValue(value: ValueType): string {
  switch (value.kind) {
    case 'bool':
      return 'boolean';
    case 'integer':
      if (value.min !== undefined && value.max !== undefined) return `integer ${value.min}..${value.max}`;
      if (value.min !== undefined) return `integer >= ${value.min}`;
      return 'integer';
    case 'number':
      return 'number';
    case 'size':
      return value.strings === 'KMGT' ? 'size in bytes (e.g. 1GB, or "1G")' : 'size in bytes (e.g. 64MB)';
    case 'duration':
      return DURATION_NUMBERS[value.numbers];
    case 'string':
      return value.format ? `string (${value.format})` : 'string';
    case 'hostport':
      return 'port or "host:port"';
    case 'url':
      return 'URL';
    case 'subject':
      return value.queue ? 'subject (or "subject queue")' : value.wildcards ? 'subject' : 'subject without wildcards';
    case 'enum':
      return `one of ${value.values.map((v) => JSON.stringify(v)).join(', ')}${value.caseInsensitive ? ' (any case)' : ''}`;
    case 'stringOrArray':
      return `${describeValue(value.item)}, or a list of them`;
    case 'array':
      return `list of ${describeValue(value.item)}`;
    case 'map':
      return `block (${BLOCKS[value.block].title})`;
    case 'union':
      return value.of.map(describeValue).join(' | ');
  }
}
