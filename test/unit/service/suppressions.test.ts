import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { createLanguageService, pathToUri } from '../../../server/src/service';
import { suppressionEdit } from '../../../server/src/suppressions';

/** What the editor shows for /w/nats.conf holding `text`, with `.nats-lattice.json` at /w when given. */
function shown(text: string, project?: object, editorSettings?: object): string[] {
  const files: Record<string, string> = { '/w/nats.conf': text };
  if (project) files['/w/.nats-lattice.json'] = JSON.stringify(project);
  const service = createLanguageService({ fs: createMemoryFileSystem(files), settings: editorSettings });
  const document = TextDocument.create(pathToUri('/w/nats.conf'), 'nats-conf', 1, text);
  return service.doValidation(document).map((d) => `${d.range.start.line + 1} ${d.code} ${d.severity}`);
}

function shows(name: string, text: string, expected: string[], project?: object, editorSettings?: object) {
  it(name, () => assert.deepEqual(shown(text, project, editorSettings), expected));
}

const WARNING = 2;
const ERROR = 1;

describe('the editor honours suppression comments and rule levels', () => {
  shows('a plain warning', 'max_payload: 1kbb\n', [`1 unknown-size-suffix ${WARNING}`]);
  shows('disable-next-line with the code', '# nats-lattice-disable-next-line unknown-size-suffix\nmax_payload: 1kbb\n', []);
  shows('disable-next-line with another code', '# nats-lattice-disable-next-line duplicate-key\nmax_payload: 1kbb\n', [`2 unknown-size-suffix ${WARNING}`]);
  shows('disable-next-line without codes', '  // nats-lattice-disable-next-line\nmax_payload: 1kbb\n', []);
  shows('codes separated by commas, with a reason', '# nats-lattice-disable-next-line a-code,unknown-size-suffix -- legacy\nmax_payload: 1kbb\n', []);
  shows('only the next line', '# nats-lattice-disable-next-line\nport: 1\nmax_payload: 1kbb\n', [`3 unknown-size-suffix ${WARNING}`]);
  shows('disable-file anywhere in the file', 'max_payload: 1kbb\n# nats-lattice-disable-file unknown-size-suffix\n', []);
  shows('a project file raises a rule to error', 'max_payload: 1kbb\n', [`1 unknown-size-suffix ${ERROR}`], { rules: { 'unknown-size-suffix': 'error' } });
  shows('a project file turns a rule off', 'max_payload: 1kbb\n', [], { rules: { 'unknown-size-suffix': 'off' } });
  shows('editor settings set levels too', 'max_payload: 1kbb\n', [`1 unknown-size-suffix ${ERROR}`], undefined, { rules: { 'unknown-size-suffix': 'error' } });
  shows('the project file wins over editor settings', 'max_payload: 1kbb\n', [], { rules: { 'unknown-size-suffix': 'off' } }, { rules: { 'unknown-size-suffix': 'error' } });
  shows('ignored files show nothing', 'max_payload: 1kbb\n', [], { ignore: ['nats.conf'] });
});

function edits(name: string, text: string, line: number, code: string, expected: string) {
  it(name, () => {
    const document = TextDocument.create('file:///x.conf', 'nats-conf', 1, text);
    const edit = suppressionEdit(text, { range: { start: { line, character: 3 }, end: { line, character: 5 } }, code });
    assert.equal(TextDocument.applyEdits(document, [edit]), expected);
  });
}

describe('suppressionEdit: the quick fix adding a suppression comment', () => {
  edits('above the line, indented like it', 'a {\n  b: 1kbb\n}\n', 1, 'unknown-size-suffix', 'a {\n  # nats-lattice-disable-next-line unknown-size-suffix\n  b: 1kbb\n}\n');
  edits('on the first line', 'b: 1kbb\n', 0, 'x', '# nats-lattice-disable-next-line x\nb: 1kbb\n');
  edits('adds the code to a comment already there', '# nats-lattice-disable-next-line x -- why\nb: 1\n', 1, 'y', '# nats-lattice-disable-next-line x, y -- why\nb: 1\n');
  edits('keeps CRLF line ends', 'a: 1\r\nb: 1kbb\r\n', 1, 'x', 'a: 1\r\n# nats-lattice-disable-next-line x\r\nb: 1kbb\r\n');
});
