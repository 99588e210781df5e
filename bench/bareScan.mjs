// The floor of any Node.js checker, for the bench: read a config and find where its tokens start,
// building nothing. Prints the count so the work cannot be optimised away.
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8');
const isBreak = (c) => c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 58 || c === 61 || c === 59;
let tokens = 0;
for (let i = 0; i < text.length; ) {
  const c = text.charCodeAt(i);
  if (isBreak(c)) { i++; continue; }
  tokens++;
  if (c === 35) { while (i < text.length && text.charCodeAt(i) !== 10) i++; continue; }
  if (c === 34 || c === 39) { const quote = c; i++; while (i < text.length && text.charCodeAt(i) !== quote) i++; i++; continue; }
  if (c === 123 || c === 125 || c === 91 || c === 93) { i++; continue; }
  while (i < text.length) {
    const d = text.charCodeAt(i);
    if (isBreak(d) || d === 125 || d === 93) break;
    i++;
  }
}
process.stdout.write(`${tokens}\n`);
