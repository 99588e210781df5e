// The extension-tests entry point in @vscode/test-electron's shape: VS Code loads this module in the
// extension host and awaits run(). The same file serves desktop VS Code (scripts/run-electron-tests.mjs)
// and code-server (scripts/run-vscode-tests.mjs); neither runner needs anything else from it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** A line the code-server runner looks for to print its closing tally; harmless anywhere else. */
export const RESULT_MARKER = '[nats-lattice-vscode-result]';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // The reporter's lines travel through the extension host's console to the runner's stdout;
    // colour codes would arrive there as noise.
    color: false,
    reporter: 'spec',
    timeout: 60_000,
    slow: 5_000,
  });
  const grep = process.env.NATS_LATTICE_VSCODE_GREP;
  if (grep) mocha.grep(grep);

  const testsRoot = __dirname;
  for (const name of fs.readdirSync(testsRoot).sort()) {
    if (name.endsWith('.test.js')) mocha.addFile(path.join(testsRoot, name));
  }

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passes = runner.stats?.passes ?? 0;
        console.log(`${RESULT_MARKER} passed=${passes} failed=${failures}`);
        if (failures > 0) reject(new Error(`${failures} VS Code integration test(s) failed.`));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      reject(error);
    }
  });
}
