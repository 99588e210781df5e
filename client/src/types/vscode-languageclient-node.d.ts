// tsconfig's moduleResolution "node" ignores package.json "exports", so the `/node` entry of the
// language client has no types without this. esbuild resolves the import through "exports".
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
