import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MarkupContent } from 'vscode-languageserver-types';
import { doHover } from '../../../server/src/features/hover';
import { setup, SetupOptions } from './helpers';

/**
 * Hovers at `|` and checks the Markdown: every string in `expected` must appear in it, every
 * `absent` string must not; `null` expects no hover at all.
 */
function hovers(input: string, expected: string[] | null, options: SetupOptions & { absent?: string[]; covers?: string } = {}) {
  it(`${JSON.stringify(input)} → ${expected === null ? 'no hover' : expected.join(' … ')}`, () => {
    const s = setup(input, options);
    const hover = doHover(s.doc, s.position, s.ctx);
    if (expected === null) {
      assert.equal(hover, null, `expected no hover, got ${JSON.stringify(hover)}`);
      return;
    }
    assert.ok(hover, 'expected a hover');
    const text = (hover.contents as MarkupContent).value;
    for (const part of expected) assert.ok(text.includes(part), `missing ${JSON.stringify(part)} in:\n${text}`);
    for (const part of options.absent ?? []) assert.ok(!text.includes(part), `must not show ${JSON.stringify(part)} in:\n${text}`);
    if (options.covers !== undefined) {
      const start = s.doc.lines.offsetAt(hover.range!.start), end = s.doc.lines.offsetAt(hover.range!.end);
      assert.equal(s.doc.parsed.text.slice(start, end), options.covers);
    }
  });
}

describe('hover: keys', () => {
  hovers('po|rt: 4222', ['**port**', '`port`', 'Port for client connections', 'Type: integer', 'Default: `4222`', 'Since nats-server 0.5.1'], { covers: 'port' });
  hovers('|port: 4222', ['**port**']);
  hovers('port|: 4222', ['**port**']);
  hovers('jetstream {\n  max_me|m: 1GB\n}', ['alias of `jetstream.max_memory_store`', 'Also written: `max_memory_store`, `max_mem_store`', 'Default: 75% of system memory']);
  hovers('jetstream {\n  max_memory_st|ore: 1GB\n}', ['**max_memory_store** · `jetstream.max_memory_store`', 'Aliases: `max_mem_store`, `max_mem`']);
  hovers('ne|t: 0.0.0.0', ['alias of `host`']);
  hovers('max_pay|load: 1MB', ['Default: `1048576` (1,048,576 bytes = 1 MiB)']);
  hovers('leafnodes {\n  remotes [\n    { u|rl: "nats://hub:7422" }\n  ]\n}', ['`leafnodes.remotes.*.url`']);
  hovers('accounts {\n  A|PP: { users: [] }\n}', ['**APP**', 'Accounts']);
  hovers('accounts {\n  APP: {\n    jetst|ream: enabled\n  }\n}', ['`accounts.*.jetstream`'.replace('*', 'APP')], { absent: ['undefined'] });
  hovers('cluster {\n  na|me: c1\n}', ['`cluster.name`']);
  hovers('tls {\n  ce|rt_file: "a.pem"\n}', ['`tls.cert_file`']);
  hovers('websocket {\n  por|t: 8080\n}', ['`websocket.port`']);
  hovers('mqtt {\n  po|rt: 1883\n}', ['`mqtt.port`']);
  hovers('deb|ug: true', ['Default: `false`', 'boolean']);
  hovers('PORT|X = 4222', null);
  hovers('PORT|X = 4222\nport: $PORTX', ['a variable', 'Used as `$PORTX` once']);
  hovers('P|X = 4222\nport: $PX\nhttp_port: $PX', ['Used as `$PX` 2 times']);
  hovers('unknown_k|ey: 1', null);
  hovers('cluster {\n  nonsense|: 1\n}', null);
  hovers('jetstream {\n  ci|pher: aes\n}', ['one of "chachapoly", "chacha", "aes"']);
  hovers('# port: 1|\n', null);
  hovers('|', null);
  hovers('port: 4222\n|\n', null);
});

describe('hover: sizes', () => {
  hovers('max_payload: 1M|B', ['1,048,576 bytes = 1 MiB']);
  hovers('jetstream { max_mem: 1G|B }', ['1,073,741,824 bytes = 1 GiB']);
  hovers('jetstream { max_mem: 1|G }', ['1,000,000,000 bytes = 1 GB']);
  hovers('jetstream { max_file: 10|0GiB }', ['107,374,182,400 bytes = 100 GiB']);
  hovers('jetstream { max_file: "1|0G" }', ['10,737,418,240 bytes = 10 GiB']);
  hovers('jetstream { max_file: "51|2M" }', ['536,870,912 bytes = 512 MiB']);
  hovers('max_payload: 10|24', ['1,024 bytes = 1 KiB']);
  hovers('max_payload: 1|500', ['1,500 bytes ≈ 1.46 KiB']);
  hovers('max_payload: 5|00', ['500 bytes']);
  hovers('max_pending: 1|k', ['1,000 bytes = 1 kB']);
  hovers('max_pending: 2|kb', ['2,048 bytes = 2 KiB']);
  hovers('max_pending: 3|tb', ['3,298,534,883,328 bytes = 3 TiB']);
  hovers('max_pending: 1|00000', ['100,000 bytes = 100 kB']);
  hovers('max_pending: 1|234567', ['1,234,567 bytes ≈ 1.18 MiB']);
  hovers('max_pending: 1k|bb', ['unknown size suffix', 'ignores this setting']);
  hovers('some_var = 4|k', ['`4k` = 4,000', 'as a size: 4,000 bytes = 4 kB']);
  hovers('port: 42|22', null);
});

describe('hover: durations', () => {
  hovers('ping_interval: "1h3|0m"', ['1 hour 30 minutes']);
  hovers('ping_interval: "2|m"', ['2 minutes']);
  hovers('ping_interval: "90|s"', ['1 minute 30 seconds']);
  hovers('ping_interval: "250m|s"', ['250 milliseconds']);
  hovers('ping_interval: "1.5|s"', ['1 second 500 milliseconds']);
  hovers('ping_interval: "1|us"', ['1 microsecond']);
  hovers('ping_interval: "|0"', ['no time at all']);
  hovers('ping_interval: "1|d"', ['not a duration', '"30s"']);
  hovers('ping_interval: 3|0', ['30 seconds', 'write "30s"']);
  hovers('write_deadline: "1|0s"', ['10 seconds']);
  hovers('authorization { timeout: 1|.5 }', ['1 second 500 milliseconds']);
  hovers('authorization { timeout: |2 }', ['2 seconds']);
  hovers('jetstream { limits { duplicate_window: "2|m" } }', ['2 minutes']);
  hovers('lame_duck_duration: "2m3|0s"', ['2 minutes 30 seconds']);
});

describe('hover: booleans and other values', () => {
  hovers('debug: ye|s', ['`yes` is read as **true**']);
  hovers('debug: o|n', ['`on` is read as **true**']);
  hovers('debug: of|f', ['`off` is read as **false**']);
  hovers('debug: N|O', ['`NO` is read as **false**']);
  hovers('debug: tru|e', ['`true` is read as **true**']);
  hovers('jetstream { cipher: ae|s }', ['`aes`: one of']);
  hovers('x: 2024-01-31T12:00:0|0Z', ['Date-time 2024-01-31T12:00:00.000Z']);
  hovers('server_name: hu|b', null);
});

describe('hover: secrets are never shown', () => {
  hovers('authorization { password: hunt|er2 }', ['not shown'], { absent: ['hunter2'] });
  hovers('authorization { pass: hunt|er2 }', ['not shown'], { absent: ['hunter2'] });
  hovers('authorization { token: "s3cr|et" }', ['not shown'], { absent: ['s3cret'] });
  hovers('authorization { users: [ { user: a, password: "p|w" } ] }', ['not shown'], { absent: ['"pw"'] });
  hovers('leafnodes { remotes: [ { url: "nats://h", seed: SUA|XXXX } ] }', ['not shown'], { absent: ['SUAXXXX'] });
  hovers('leafnodes { remotes: [ { url: "nats://h", nkey: SUA|XXXX } ] }', ['not shown'], { absent: ['SUAXXXX'] });
  hovers('jetstream { key: "ab|cdef" }', ['not shown'], { absent: ['abcdef'] });
  hovers('jetstream { encryption_key: "ab|cdef" }', ['not shown'], { absent: ['abcdef'] });
  hovers('SECRET = "hid|den"', ['not shown'], { absent: ['hidden'] });
  hovers('ADMIN_PASS = hid|den\nauthorization { password: $ADMIN_PASS }', ['not shown'], { absent: ['hidden'] });
  hovers('PW = "hidden"\nauthorization { password: $P|W }', ['`$PW` = ••••••', 'Defined on line 1'], { absent: ['hidden'] });
  hovers('authorization { password: $P|W }', ['`$PW` = ••••••', 'environment variable PW'], { env: { PW: 'hidden' }, absent: ['hidden'] });
  hovers('authorization { user: $MY_TOKE|N }', ['••••••'], { env: { MY_TOKEN: 'hidden' }, absent: ['hidden'] });
  hovers('x: $SE|ED', ['••••••'], { env: { SEED: 'SUAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, absent: ['SUAAAA'] });
  hovers('authorization { password: $2a$11$ab|cdef }', ['bcrypt']);
});

describe('hover: variables', () => {
  hovers('X = 4222\nport: $|X', ['`$X` = `4222`', 'Defined on line 1'], { covers: '$X' });
  hovers('X = 4222\nport: $X|', ['`$X` = `4222`']);
  hovers('X = "a b"\nserver_name: $|X', ['`$X` = `"a b"`']);
  hovers('A = 1\nB = $A\nport: $|B', ['`$B` = `1`', 'Defined on line 2']);
  hovers('X = 1\nc { X = 2, port: $|X }', ['`$X` = `2`']);
  hovers('X = 1\nc { port: $|X }', ['`$X` = `1`', 'line 1']);
  hovers('c { X = 2 }\nport: $|X', ['is not defined']);
  hovers('port: $|X\nX = 1', ['is not defined']);
  hovers('port: $|HOME_PORT', ['`$HOME_PORT` = `4222`', 'environment variable HOME_PORT'], { env: { HOME_PORT: '4222' } });
  hovers('X = 1\nport: $|X', ['`$X` = `1`'], { env: { X: '9' } });
  hovers('X = { a: 1 }\nc: $|X', ['a block of 1 entry']);
  hovers('X = [1, 2 ]\nroutes: $|X', ['a list of 2 items']);
  hovers('include "vars.conf"\nport: $|P', ['`$P` = `5222`', 'line 1 of [vars.conf]'], { files: { 'vars.conf': 'P = 5222\n' } });
  hovers('port: $|P\ninclude "vars.conf"', ['is not defined'], { files: { 'vars.conf': 'P = 5222\n' } });
  hovers('P = 1\nc { include "vars.conf"\n port: $|P }', ['`5222`'], { files: { 'vars.conf': 'P = 5222\n' } });
  hovers('routes: [ $|R ]\nR = 1', ['is not defined']);
  hovers('R = "nats://a"\nroutes: [ $|R ]', ['`"nats://a"`']);
});

describe('hover: includes', () => {
  hovers('include "a.|conf"', ['Includes `/work/cfg/a.conf`', '1 top-level entry'], { files: { 'a.conf': 'port: 1' } });
  hovers('inc|lude a.conf', ['Includes `/work/cfg/a.conf`'], { files: { 'a.conf': 'port: 1\ndebug: true' } });
  hovers("include './sub/b.c|onf'", ['Includes `/work/cfg/sub/b.conf`'], { files: { 'sub/b.conf': '' } });
  hovers('include "mis|sing.conf"', ['**does not exist**']);
  hovers('c { include "a.c|onf" }', ['Includes `/work/cfg/a.conf`'], { files: { 'a.conf': '' } });
});
