import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitArguments } from '../../../server/src/cli/splitArguments';

const SPEC = { switches: ['--check'], valued: ['--format', '--config-glob'], command: 'format' };

function splits(argv: string[], expected: ReturnType<typeof splitArguments>) {
  it(`${JSON.stringify(argv)}`, () => assert.deepEqual(splitArguments(argv, SPEC), expected));
}

describe('splitArguments: paths and options, the same for every subcommand', () => {
  splits(['a', 'b'], { paths: ['a', 'b'], options: [] });
  splits(['--check', 'a'], { paths: ['a'], options: [{ flag: '--check' }] });
  splits(['--format', 'json', 'a'], { paths: ['a'], options: [{ flag: '--format', value: 'json' }] });
  splits(['--format=json', 'a'], { paths: ['a'], options: [{ flag: '--format', value: 'json' }] });
  splits(['--config-glob=*.cfg', '--config-glob', 'x=y', 'a'], { paths: ['a'], options: [{ flag: '--config-glob', value: '*.cfg' }, { flag: '--config-glob', value: 'x=y' }] });
  splits(['-', 'a'], { paths: ['-', 'a'], options: [] });
  splits(['a', '--', '--check', '-h'], { paths: ['a', '--check', '-h'], options: [] });
  splits(['a', '-h'], { help: true });
  splits(['--help'], { help: true });
  splits(['--check=yes', 'a'], { error: '--check takes no value' });
  splits(['--format'], { error: '--format needs a value' });
  splits(['--format=', 'a'], { error: '--format needs a value' });
  splits(['--fix', 'a'], { error: "unknown option '--fix' for format" });
});
