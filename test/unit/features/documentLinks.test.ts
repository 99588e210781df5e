import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDocumentLinks } from '../../../server/src/features/documentLinks';
import { setup, SetupOptions, uriOf } from './helpers';

/** Links as `covered text → target file` (relative to the test root). */
function links(input: string, expected: string[], options: SetupOptions = {}) {
  it(`${JSON.stringify(input)} → ${expected.join(', ') || 'none'}`, () => {
    const s = setup(input, options);
    const got = findDocumentLinks(s.doc, s.ctx).map((link) => {
      const text = s.doc.parsed.text.slice(s.doc.lines.offsetAt(link.range.start), s.doc.lines.offsetAt(link.range.end));
      return `${text} → ${link.target}`;
    });
    assert.deepEqual(got, expected.map((e) => { const [text, file] = e.split(' → '); return `${text} → ${uriOf(file)}`; }));
  });
}

describe('document links', () => {
  links('port: 1', []);
  links('include a.conf', ['a.conf → a.conf']);
  links('include "a.conf"', ['"a.conf" → a.conf']);
  links("include 'sub/b.conf'", ["'sub/b.conf' → sub/b.conf"]);
  links('include "../up.conf"', ['"../up.conf" → ../up.conf']);
  links('include "/abs.conf"', ['"/abs.conf" → abs.conf']);
  links('include a.conf\ninclude b.conf', ['a.conf → a.conf', 'b.conf → b.conf']);
  links('c {\n  include "c.conf"\n  d { include "d.conf" }\n}', ['"c.conf" → c.conf', '"d.conf" → d.conf']);
  links('include "x.conf"', ['"x.conf" → sub/x.conf'], { file: 'sub/main.conf' });
  links('# include "a.conf"', []);
  links('include ', []);
  it('says in the tooltip whether the target exists', () => {
    const s = setup('include a.conf\ninclude b.conf', { files: { 'a.conf': '' } });
    const [a, b] = findDocumentLinks(s.doc, s.ctx);
    assert.match(a.tooltip!, /^Open /);
    assert.match(b.tooltip!, /does not exist/);
  });
});
