// Lets scripts require this repo's TypeScript sources without a build step
// (each file is transpiled on load; types are not checked here).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function requireTs(file) {
  if (!require.extensions['.ts']) {
    const ts = require('typescript');
    require.extensions['.ts'] = (module, filename) => {
      const js = ts.transpileModule(readFileSync(filename, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: filename,
      }).outputText;
      module._compile(js, filename);
    };
  }
  return require(file);
}
