// The language client library, bundled on its own as dist/languageClient.js: it is most of the
// client's code, and the extension needs it only once a server starts (see languageServer.ts),
// so activation does not even parse it.
export * from 'vscode-languageclient/node';
