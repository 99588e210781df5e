import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cachingFileSystem } from '../../../server/src/cli/cachingFileSystem';
import { FileSystem } from '../../../server/src/fileSystem';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';

const DISK = { '/ws/a/nats.conf': 'port: 1\n', '/ws/b/wasmcloud.env': 'WASMCLOUD_LATTICE=x\n' };

/** The disk behind the cache, counting how often each kind of question reaches it. */
function countingDisk() {
  const disk = createMemoryFileSystem(DISK);
  const asked = { readFile: 0, stat: 0, readDirectory: 0 };
  const fs: FileSystem = {
    readFile: (p) => (asked.readFile++, disk.readFile(p)),
    stat: (p) => (asked.stat++, disk.stat(p)),
    readDirectory: (p) => (asked.readDirectory++, disk.readDirectory(p)),
  };
  return { disk, fs, asked };
}

/** `steps` run against the cache; `answers` what each returns, `asked` how many reached the disk. */
function cached(name: string, steps: ((fs: FileSystem) => unknown)[], answers: unknown[], asked: Partial<Record<'readFile' | 'stat' | 'readDirectory', number>>) {
  it(name, () => {
    const counting = countingDisk();
    const fs = cachingFileSystem(counting.fs);
    assert.deepEqual(steps.map((step) => step(fs)), answers);
    for (const [question, times] of Object.entries(asked)) assert.equal(counting.asked[question as keyof typeof asked], times, question);
  });
}

describe('cachingFileSystem: the disk as one CLI run sees it', () => {
  cached('a file is read once', [(fs) => fs.readFile('/ws/a/nats.conf'), (fs) => fs.readFile('/ws/a/nats.conf')], ['port: 1\n', 'port: 1\n'], { readFile: 1 });
  cached('a missing file is looked for once', [(fs) => fs.readFile('/ws/x.conf'), (fs) => fs.readFile('/ws/x.conf')], [undefined, undefined], { readFile: 1 });
  cached('a path is looked up once', [(fs) => fs.stat('/ws/a'), (fs) => fs.stat('/ws/a'), (fs) => fs.stat('/ws/a/nats.conf')], ['directory', 'directory', 'file'], { stat: 2 });
  cached(
    'a name missing from a listed folder is not looked up on disk',
    [(fs) => fs.readDirectory('/ws/a')?.map((e) => e.name), (fs) => fs.stat('/ws/a/.nats-lattice.json'), (fs) => fs.stat('/ws/a/nats.conf')],
    [['nats.conf'], undefined, 'file'],
    { stat: 1, readDirectory: 1 },
  );
  cached(
    'a name listed in another case is asked of the disk, which may not tell case apart',
    [(fs) => fs.readDirectory('/ws/a'), (fs) => fs.stat('/ws/a/NATS.conf')],
    [[{ name: 'nats.conf', kind: 'file' }], undefined],
    { stat: 1 },
  );
  cached(
    'a listing is a copy: sorting it leaves the cached one alone',
    [(fs) => fs.readDirectory('/ws')!.reverse().map((e) => e.name), (fs) => fs.readDirectory('/ws')!.map((e) => e.name)],
    [['b', 'a'], ['a', 'b']],
    { readDirectory: 1 },
  );
});
