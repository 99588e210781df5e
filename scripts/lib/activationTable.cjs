// Reads an extension's row of the "Extension Activation Stats" table in VS Code's "Developer:
// Startup Performance" document (the extension host's own ActivationTimes). CommonJS without
// dependencies, so both the bench's probe (bench/activationProbe.js) and the compiled VS Code suite
// (test/vscode/suite/activationTimes.ts) can load it.
'use strict';

/** The extension's row, by column name; undefined while the table does not list it. */
function activationRow(markdown, extensionId) {
  const lines = markdown.split('\n');
  const heading = lines.findIndex((line) => /^#+ Extension Activation Stats/.test(line));
  if (heading < 0) return undefined;
  const cells = (line) => line.split('|').slice(1, -1).map((cell) => cell.trim());
  const headerAt = lines.findIndex((line, i) => i > heading && line.startsWith('|'));
  if (headerAt < 0) return undefined;
  const names = cells(lines[headerAt]);
  // The header is followed by its | --- | separator line, then the rows.
  for (const line of lines.slice(headerAt + 2)) {
    if (!line.startsWith('|')) break;
    const values = cells(line);
    if (values[0].toLowerCase() === extensionId.toLowerCase()) return Object.fromEntries(names.map((name, i) => [name, values[i]]));
  }
  return undefined;
}

module.exports = { activationRow };
