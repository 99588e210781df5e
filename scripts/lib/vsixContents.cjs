// What a packaged extension (.vsix, a zip) may hold, and a reader for its file list. CommonJS, so
// both scripts/package-vsix.mjs and the compiled unit tests can load it.
'use strict';
const fs = require('node:fs');

/** The marketplace rejects nothing below this, but a bundle this large would mean sources got in. */
const VSIX_SIZE_LIMIT = 1024 * 1024;

/** Every file in the package must match one of these; anything else is a packaging mistake. */
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/(license|notice)(\.txt|\.md)?$/i,
  /^extension\/dist\/(client|languageClient|server|cli)\.js$/,
  /^extension\/syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^extension\/language-configuration\.json$/,
  /^extension\/snippets\/[\w.-]+\.json$/,
  /^extension\/images\/[\w.-]+\.png$/,
];

/** Files the extension cannot work without. */
const REQUIRED = [
  'extension/package.json',
  'extension/dist/client.js',
  'extension/dist/languageClient.js',
  'extension/dist/server.js',
  'extension/syntaxes/nats-conf.tmLanguage.json',
  'extension/language-configuration.json',
  'extension/snippets/wasmcloud-env.json',
  'extension/images/icon.png',
];

/** The entries of a zip file from its central directory: [{ name, size }] (size uncompressed). */
function listVsix(file) {
  const zip = fs.readFileSync(file);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) throw new Error(`${file} is not a zip file (no end of central directory record)`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: damaged central directory at byte ${at}`);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What is wrong with a package's file list and size; empty when nothing is. */
function checkVsixEntries(entries, packageSize) {
  const problems = [];
  const names = entries.map((e) => e.name);
  for (const name of names) {
    if (/\.map$/.test(name)) problems.push(`${name}: a source map; build with node scripts/build.mjs (production) before packaging`);
    else if (!ALLOWED.some((pattern) => pattern.test(name))) problems.push(`${name}: not part of the extension; exclude it in .vscodeignore`);
  }
  for (const name of REQUIRED) if (!names.includes(name)) problems.push(`${name} is missing from the package; check .vscodeignore and the build`);
  if (packageSize >= VSIX_SIZE_LIMIT) problems.push(`the package is ${(packageSize / 1024).toFixed(0)} KiB, over the ${VSIX_SIZE_LIMIT / 1024} KiB limit: did dependencies or sources get in?`);
  return problems;
}

module.exports = { VSIX_SIZE_LIMIT, ALLOWED, REQUIRED, listVsix, checkVsixEntries };
