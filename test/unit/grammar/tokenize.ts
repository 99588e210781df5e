// Runs syntaxes/nats-conf.tmLanguage.json with the same engine VS Code uses (vscode-textmate on
// the oniguruma WebAssembly build), so what these tests see is what the editor colours.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, IGrammar, Registry, StateStack, parseRawGrammar } from 'vscode-textmate';

export const BASE_SCOPE = 'source.nats-conf';
export const GRAMMAR_PATH = path.resolve(process.cwd(), 'syntaxes/nats-conf.tmLanguage.json');

export interface Token {
  text: string;
  start: number;
  end: number;
  scopes: string[];
}

let grammarPromise: Promise<IGrammar> | undefined;

export function loadGrammar(): Promise<IGrammar> {
  grammarPromise ??= createGrammar();
  return grammarPromise;
}

async function createGrammar(): Promise<IGrammar> {
  const wasmPath = path.resolve(process.cwd(), 'node_modules/vscode-oniguruma/release/onig.wasm');
  const wasm = fs.readFileSync(wasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === BASE_SCOPE
        ? parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
        : null,
  });
  const grammar = await registry.loadGrammar(BASE_SCOPE);
  if (!grammar) throw new Error(`vscode-textmate did not load ${GRAMMAR_PATH}`);
  return grammar;
}

/** Tokenizes a whole text line by line, carrying the state across lines as the editor does. */
export async function tokenizeLines(text: string): Promise<Token[][]> {
  return (await tokenizeDocument(text)).lines;
}

export interface TokenizedDocument {
  lines: Token[][];
  /** True when nothing (map, array, string, block) is still open after the last line. */
  closedAtEnd: boolean;
}

export async function tokenizeDocument(text: string): Promise<TokenizedDocument> {
  const grammar = await loadGrammar();
  const topLevel = grammar.tokenizeLine('', INITIAL).ruleStack;
  let state: StateStack = INITIAL;
  const lines = text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      text: line.slice(t.startIndex, Math.min(t.endIndex, line.length)),
      start: t.startIndex,
      end: Math.min(t.endIndex, line.length),
      scopes: t.scopes,
    }));
  });
  return { lines, closedAtEnd: state === INITIAL || state.equals(topLevel) };
}

/**
 * True when `scopes` holds `selector` the way a TextMate selector matches: equal, or a prefix
 * ending at a dot (`comment` matches `comment.line.number-sign.nats-conf`).
 */
export function hasScope(scopes: readonly string[], selector: string): boolean {
  return scopes.some((s) => s === selector || s.startsWith(selector + '.'));
}

export function tokenAt(tokens: readonly Token[], column: number): Token | undefined {
  return tokens.find((t) => t.start <= column && column < t.end);
}

export function describeLine(tokens: readonly Token[]): string {
  return tokens
    .map((t) => `  ${JSON.stringify(t.text)}: ${t.scopes.filter((s) => s !== BASE_SCOPE).join(' ')}`)
    .join('\n');
}
