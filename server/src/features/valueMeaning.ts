// Plain-words readings of values: byte sizes, Go durations, boolean spellings.

const BINARY = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
const DECIMAL = ['kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

export function groupDigits(n: bigint | number): string {
  const negative = n < 0;
  const digits = (negative ? -BigInt(n) : BigInt(n)).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? '-' + grouped : grouped;
}

/** `1073741824` → "1,073,741,824 bytes = 1 GiB"; sizes that are not whole units are approximated. */
export function describeBytes(bytes: bigint): string {
  const head = `${groupDigits(bytes)} byte${bytes === 1n || bytes === -1n ? '' : 's'}`;
  const magnitude = bytes < 0n ? -bytes : bytes;
  if (magnitude < 1000n) return head;
  for (let i = BINARY.length - 1; i >= 0; i--) {
    const unit = 1024n ** BigInt(i + 1);
    if (magnitude >= unit && bytes % unit === 0n) return `${head} = ${groupDigits(bytes / unit)} ${BINARY[i]}`;
  }
  for (let i = DECIMAL.length - 1; i >= 0; i--) {
    const unit = 1000n ** BigInt(i + 1);
    if (magnitude >= unit && bytes % unit === 0n) return `${head} = ${groupDigits(bytes / unit)} ${DECIMAL[i]}`;
  }
  for (let i = BINARY.length - 1; i >= 0; i--) {
    const unit = 1024n ** BigInt(i + 1);
    if (magnitude >= unit) return `${head} ≈ ${(Number(bytes) / Number(unit)).toFixed(2)} ${BINARY[i]}`;
  }
  return head;
}

/** nats-server's string sizes ("10G": K, M, G, T, powers of 1024); undefined when not of that form. */
export function stringSizeBytes(text: string): bigint | undefined {
  const m = /^(\d+)([KMGT])?$/.exec(text.trim());
  if (!m) return undefined;
  const power = m[2] ? 'KMGT'.indexOf(m[2]) + 1 : 0;
  return BigInt(m[1]) * 1024n ** BigInt(power);
}

const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's time.ParseDuration, in nanoseconds; undefined when Go would reject the text. */
export function parseGoDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) { sign = rest[0] === '-' ? -1 : 1; rest = rest.slice(1); }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  const part = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  while (rest) {
    const m = part.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * DURATION_UNITS[m[2]];
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

const WORD_UNITS: [string, number][] = [
  ['hour', 3600e9], ['minute', 60e9], ['second', 1e9], ['millisecond', 1e6], ['microsecond', 1e3], ['nanosecond', 1],
];

/** 5400e9 → "1 hour 30 minutes". */
export function durationInWords(nanoseconds: number): string {
  if (nanoseconds === 0) return 'no time at all (0)';
  let rest = Math.round(Math.abs(nanoseconds));
  const words: string[] = [];
  for (const [name, size] of WORD_UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) words.push(`${count} ${name}${count === 1 ? '' : 's'}`);
    rest -= count * size;
  }
  return (nanoseconds < 0 ? 'minus ' : '') + words.join(' ');
}
