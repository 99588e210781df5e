import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { getCodeActions } from '../../../server/src/features/codeActions';

const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

function offers(name: string, text: string, diagnostic: Diagnostic, expected: { title: string; result: string }[]) {
  it(name, () => {
    const document = TextDocument.create('file:///w/nats.conf', 'nats-conf', 1, text);
    const actions = getCodeActions(document, diagnostic.range, [diagnostic]);
    assert.deepEqual(
      actions.map((action) => ({ title: action.title, result: TextDocument.applyEdits(document, action.edit!.changes![document.uri]) })),
      expected,
    );
  });
}

describe('getCodeActions', () => {
  offers('a suppression comment for any nats-lattice diagnostic', 'max_payload: 1kbb\n', { range: at(0, 13, 17), code: 'unknown-size-suffix', source: 'nats-lattice', message: 'm' }, [
    { title: 'Suppress unknown-size-suffix on this line', result: '# nats-lattice-disable-next-line unknown-size-suffix\nmax_payload: 1kbb\n' },
  ]);
  offers(
    'the fixes a rule carries, first',
    'debug: "true"\n',
    { range: at(0, 7, 13), code: 'quoted-boolean', source: 'nats-lattice', message: 'm', data: { fixes: [{ title: 'Remove the quotes', range: at(0, 7, 13), newText: 'true' }] } },
    [
      { title: 'Remove the quotes', result: 'debug: true\n' },
      { title: 'Suppress quoted-boolean on this line', result: '# nats-lattice-disable-next-line quoted-boolean\ndebug: "true"\n' },
    ],
  );
  offers('nothing for other tools\' diagnostics', 'a: 1\n', { range: at(0, 0, 1), code: 'x', source: 'yaml', message: 'm' }, []);
});
