// How messages to the editor become bytes, reusing the bytes of findings already sent.
//
// A large document can carry thousands of findings, and LSP has no incremental publish: every
// change sends all of them again. The quick check (quickCheck.ts) and the full check (service.ts)
// hand back the very same objects for findings that did not change, in the same order, so the
// encoder copies the bytes of runs of those findings from the previous publish of that document
// and serialises only the new ones. Diagnostics are never changed after they are made (rules,
// quickCheck.ts and diagnosticPolicy.ts copy instead), which is what makes reuse by identity sound.
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
/** Stands in for the diagnostics while the rest of the message is serialised. */
const SLOT = '\u0000diagnostics\u0000';
const SLOT_JSON = JSON.stringify(SLOT);
const COMMA = 0x2c;
/**
 * How far ahead in the previous list a finding is looked for: a change removes a few findings in
 * a row at most. Further apart, the rest is serialised afresh: slower, never wrong.
 */
const LOOK_AHEAD = 16;

interface PublishMessage {
  method: typeof PUBLISH_DIAGNOSTICS;
  params: { uri: string; diagnostics: Diagnostic[] };
}

/** A document's last published findings and their bytes: `body` holds them comma-separated. */
interface Sent {
  diagnostics: readonly Diagnostic[];
  body: Buffer;
  /** Where each finding starts in `body`. */
  starts: Uint32Array;
}

function isPublish(message: Message): message is Message & PublishMessage {
  const candidate = message as Partial<PublishMessage>;
  return candidate.method === PUBLISH_DIAGNOSTICS && typeof candidate.params?.uri === 'string' && Array.isArray(candidate.params.diagnostics);
}

/**
 * The `application/json` encoder of our stream transport. Its bytes parse to exactly what
 * `JSON.stringify` of the message gives; only publishes take the reusing path.
 */
export function createPublishEncoder(): ContentTypeEncoder {
  const sent = new Map<string, Sent>();
  return {
    name: 'application/json',
    encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
      try {
        if (options.charset !== 'utf-8' || !isPublish(message)) return Promise.resolve(Buffer.from(JSON.stringify(message), options.charset));
        const { uri, diagnostics } = message.params;
        const { bytes, now } = encodePublish(message, sent.get(uri));
        if (diagnostics.length === 0) sent.delete(uri);
        else sent.set(uri, now);
        return Promise.resolve(bytes);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

/** A stretch of the new body: bytes [from, to) of the previous body, or fresh bytes. */
type Piece = { from: number; to: number; firstIndex: number } | Buffer;

function encodePublish(message: Message & PublishMessage, previous: Sent | undefined): { bytes: Buffer; now: Sent } {
  const list = message.params.diagnostics;
  const pieces = piecesOf(list, previous);
  const frame = JSON.stringify({ ...message, params: { ...message.params, diagnostics: SLOT } });
  const slot = frame.indexOf(SLOT_JSON);
  const head = Buffer.from(`${frame.slice(0, slot)}[`, 'utf8');
  const tail = Buffer.from(`]${frame.slice(slot + SLOT_JSON.length)}`, 'utf8');

  let bodyLength = Math.max(0, pieces.length - 1);
  for (const piece of pieces) bodyLength += Buffer.isBuffer(piece) ? piece.length : piece.to - piece.from;
  // One buffer of the final size, filled in place; the new body is a view of it, kept for next time.
  const bytes = Buffer.allocUnsafe(head.length + bodyLength + tail.length);
  let offset = head.copy(bytes, 0);
  const bodyStart = offset;
  const starts = new Uint32Array(list.length);
  let index = 0;
  for (let p = 0; p < pieces.length; p++) {
    if (p > 0) bytes[offset++] = COMMA;
    const piece = pieces[p];
    const at = offset - bodyStart;
    if (Buffer.isBuffer(piece)) {
      starts[index++] = at;
      offset += piece.copy(bytes, offset);
      continue;
    }
    const sentBefore = previous as Sent;
    // A run of findings sent before, still comma-separated as they were.
    for (let i = piece.firstIndex; i < sentBefore.starts.length && sentBefore.starts[i] < piece.to; i++) starts[index++] = at + sentBefore.starts[i] - piece.from;
    offset += sentBefore.body.copy(bytes, offset, piece.from, piece.to);
  }
  tail.copy(bytes, offset);
  return { bytes, now: { diagnostics: list.slice(), body: bytes.subarray(bodyStart, bodyStart + bodyLength), starts } };
}

/** The new list as runs of findings sent before (found by identity, in order) and new ones. */
function piecesOf(list: readonly Diagnostic[], previous: Sent | undefined): Piece[] {
  const pieces: Piece[] = [];
  const before = previous?.diagnostics ?? [];
  const end = (i: number) => (i + 1 < before.length ? (previous as Sent).starts[i + 1] - 1 : (previous as Sent).body.length);
  let next = 0;
  let run: { firstIndex: number; lastIndex: number } | undefined;
  const closeRun = () => {
    if (run) pieces.push({ from: (previous as Sent).starts[run.firstIndex], to: end(run.lastIndex), firstIndex: run.firstIndex });
    run = undefined;
  };
  for (const diagnostic of list) {
    let found = -1;
    for (let i = next; i < before.length && i < next + LOOK_AHEAD; i++) {
      if (before[i] === diagnostic) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      closeRun();
      pieces.push(Buffer.from(JSON.stringify(diagnostic), 'utf8'));
      continue;
    }
    if (run && run.lastIndex + 1 === found) run.lastIndex = found;
    else {
      closeRun();
      run = { firstIndex: found, lastIndex: found };
    }
    next = found + 1;
  }
  closeRun();
  return pieces;
}
