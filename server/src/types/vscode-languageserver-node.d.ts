// tsconfig uses moduleResolution "node", which ignores package.json "exports", so the `/node`
// subpaths of the LSP packages have no types without these. Node and esbuild resolve the imports
// themselves through "exports" as usual; this only tells the type checker where the types are.
declare module 'vscode-languageserver/node' {
  export * from 'vscode-languageserver/lib/node/main';
}
declare module 'vscode-languageserver-protocol/node' {
  export * from 'vscode-languageserver-protocol/lib/node/main';
}
declare module 'vscode-jsonrpc/node' {
  export * from 'vscode-jsonrpc/lib/node/main';
}
