import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNatsConfigPath } from '../../../server/src/workspace/filePatterns';
import { matchesGlob } from '../../../server/src/workspace/glob';

function recognises(filePath: string, expected: boolean, extraGlobs: string[] = []) {
  it(`${expected ? 'takes' : 'ignores'} ${filePath}${extraGlobs.length ? ` with ${extraGlobs.join(' ')}` : ''}`, () => {
    assert.equal(isNatsConfigPath(filePath, extraGlobs), expected);
  });
}

describe('isNatsConfigPath', () => {
  recognises('/etc/nats.conf', true);
  recognises('/etc/nats-server.conf', true);
  recognises('/srv/hub/nats-hub-1.conf', true);
  recognises('/srv/leaf.nats.conf', true);
  recognises('/etc/nats/leaf.conf', true);
  recognises('C:\\configs\\nats\\hub.conf', true);
  recognises('C:\\configs\\nats-server.conf', true);
  recognises('relative/nats/a.conf', true);
  recognises('nats.conf', true);

  recognises('/etc/nginx/nginx.conf', false);
  recognises('/etc/supervisord.conf', false);
  recognises('/etc/nats/sub/hub.conf', false);
  recognises('/etc/nats.conf.bak', false);
  recognises('/etc/nats-server.yaml', false);
  recognises('/etc/my-nats.conf', false);
  recognises('/etc/natsy/hub.conf', false);

  recognises('/srv/app/conf/hub.conf', true, ['conf/*.conf']);
  recognises('/srv/app/conf/deep/hub.conf', false, ['conf/*.conf']);
  recognises('/srv/app/conf/deep/hub.conf', true, ['conf/**/*.conf']);
  recognises('/srv/app/hub.cfg', true, ['*.cfg']);
  recognises('/srv/app/hub.cfg', false, ['*.conf']);
});

function glob(pattern: string, filePath: string, expected: boolean) {
  it(`${pattern} ${expected ? 'matches' : 'does not match'} ${filePath}`, () => {
    assert.equal(matchesGlob(pattern, filePath), expected);
  });
}

describe('matchesGlob', () => {
  glob('*.conf', '/a/b/c.conf', true);
  glob('*.conf', '/a/b/c.config', false);
  glob('?.conf', '/x/a.conf', true);
  glob('?.conf', '/x/ab.conf', false);
  glob('hub-{east,west}.conf', '/x/hub-west.conf', true);
  glob('hub-{east,west}.conf', '/x/hub-north.conf', false);
  glob('{a,b{1,2}}.conf', '/x/b2.conf', true);
  glob('{a,b{1,2}}.conf', '/x/b3.conf', false);
  glob('**/nats/*.conf', '/srv/nats/x.conf', true);
  glob('**/nats/*.conf', 'nats/x.conf', true);
  glob('**/nats/*.conf', '/srv/nats/y/x.conf', false);
  glob('/srv/**/x.conf', '/srv/x.conf', true);
  glob('/srv/**/x.conf', '/srv/a/b/x.conf', true);
  glob('/srv/**/x.conf', '/opt/srv/x.conf', false);
  glob('/srv/**', '/srv/a/b', true);
  glob('deploy/*.conf', '/repo/deploy/a.conf', true);
  glob('deploy/*.conf', '/repo/mydeploy/a.conf', false);
  glob('a.b', '/x/aXb', false);
  glob('a+(b)', '/x/a+(b)', true);
  glob('{unclosed', '/x/{unclosed', true);
  glob('', '/x/a', false);
  glob('deploy\\*.conf', 'C:\\repo\\deploy\\a.conf', true);
});
