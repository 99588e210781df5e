// The connection to the editor, over the transport it started us with.
import { format } from 'node:util';
import { Connection, createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { createPublishEncoder } from './publishEncoder';

/**
 * Over `--stdio` (how our client, the bench and the protocol tests start us) messages go through
 * our encoder, which serialises each diagnostic once (publishEncoder.ts). Other transports
 * (`--node-ipc`, `--socket`, `--pipe`) are set up by the library as usual.
 */
export function openConnection(argv: readonly string[] = process.argv): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: createPublishEncoder() });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  // stdout carries the protocol: a stray console line there would break the stream, so console
  // output goes to the editor's log instead (the library does the same when it opens stdio itself).
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  // The editor closed our input without the exit notification: it has gone, and so do we. (After
  // an orderly shutdown and exit the library has already ended the process.)
  process.stdin.on('end', () => process.exit(1));
  return connection;
}
