// SARIF 2.1.0, the format GitHub code scanning (and most CI dashboards) read.
// Locations are relative to the repository root under the %SRCROOT% base id.
import * as path from 'node:path';
import { DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { messageText } from '../diagnostics';
import { CODES, CodeInfo, FAMILY_TITLES } from '../rules/registry';
import { pathToUri, uriToPath } from '../uri';
import { CheckResult } from './check';
import { DIAGNOSTICS_DOC_URI, TOOL_INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from './toolInfo';

export const SRCROOT = '%SRCROOT%';
type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifContext {
  /** The folder artifact URIs are relative to (the repository root). */
  root: string;
}

export function toSarif(result: CheckResult, context: SarifContext): object {
  const known = [...CODES];
  const knownCodes = new Set(known.map((info) => info.code));
  // A code missing from the registry still gets a rule, so every result's ruleIndex is valid.
  for (const { diagnostic } of result.diagnostics) {
    const code = codeOf(diagnostic.code);
    if (knownCodes.has(code)) continue;
    knownCodes.add(code);
    known.push({ code, family: 'options', severity: 'error', summary: `Diagnostic ${code}.` });
  }
  const ruleIndex = new Map(known.map((info, index) => [info.code, index]));

  const results = result.diagnostics.map(({ file, diagnostic }) => {
    const code = codeOf(diagnostic.code);
    const sarifResult: Record<string, unknown> = {
      ruleId: code,
      ruleIndex: ruleIndex.get(code),
      level: levelOf(diagnostic.severity),
      message: { text: messageText(diagnostic.message) },
      locations: [{ physicalLocation: physicalLocation(file, diagnostic.range, context) }],
    };
    if (diagnostic.relatedInformation && diagnostic.relatedInformation.length > 0) {
      sarifResult.relatedLocations = diagnostic.relatedInformation.map((related, index) => ({
        id: index + 1,
        physicalLocation: physicalLocation(uriToPath(related.location.uri) ?? related.location.uri, related.location.range, context),
        message: { text: related.message },
      }));
    }
    return sarifResult;
  });

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: TOOL_INFORMATION_URI,
            rules: known.map(toRule),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToUri(context.root.endsWith(path.sep) ? context.root : context.root + path.sep) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(result: CheckResult, context: SarifContext): string {
  return JSON.stringify(toSarif(result, context), null, 2) + '\n';
}

function toRule(info: CodeInfo): object {
  const family = FAMILY_TITLES[info.family];
  const markdown =
    `**${info.code}** (${family}, ${info.severity} by default)\n\n${info.summary}\n\n` +
    'Change its level or turn it off in `.nats-lattice.json` (`"rules": { "' + info.code + '": "warning" }`), ' +
    'or silence one occurrence with `# nats-lattice-disable-next-line ' + info.code + '` on the line above.';
  const rule: Record<string, unknown> = {
    id: info.code,
    name: ruleName(info.code),
    shortDescription: { text: info.summary },
    fullDescription: { text: `${family}: ${info.summary}` },
    help: { text: markdown.replace(/\*\*|`/g, ''), markdown },
    defaultConfiguration: { level: sarifLevel(info.severity) },
    properties: { tags: [info.family], precision: 'very-high', 'problem.severity': info.severity === 'information' || info.severity === 'hint' ? 'recommendation' : info.severity },
  };
  if (DIAGNOSTICS_DOC_URI) rule.helpUri = `${DIAGNOSTICS_DOC_URI}#${info.code}`;
  return rule;
}

/** SARIF's `name` is an identifier-like form of the id: unknown-key → UnknownKey. */
function ruleName(code: string): string {
  return code.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

function physicalLocation(file: string, range: Range, context: SarifContext): object {
  const relative = path.relative(context.root, file);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  const artifactLocation = inside
    ? { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
    : { uri: /^[a-z][a-z0-9+.-]*:/i.test(file) ? file : pathToUri(file) };
  return {
    artifactLocation,
    // SARIF counts lines and columns from 1 and its endColumn is the column after the last character.
    region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
  };
}

function levelOf(severity: DiagnosticSeverity | undefined): SarifLevel {
  return severity === DiagnosticSeverity.Warning ? 'warning' : severity === DiagnosticSeverity.Information || severity === DiagnosticSeverity.Hint ? 'note' : 'error';
}

function sarifLevel(severity: CodeInfo['severity']): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function codeOf(code: string | number | undefined): string {
  return code === undefined ? 'nats-lattice' : String(code);
}
