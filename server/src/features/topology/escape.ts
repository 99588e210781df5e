// Text made safe for each picture language: labels come from user files and may hold anything.

/** For XML text and attribute values (double-quoted). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * For a mermaid label inside `["…"]` or `|"…"|`: mermaid reads `#name;` entities there, so
 * quotes, `#`, angle brackets and the characters that end a shape become entities; line breaks
 * become `<br/>` (written by the renderer, never taken from the text).
 */
export function escapeMermaid(text: string): string {
  return text
    .replace(/[#"<>&|[\]{}()`]/g, (c) => `#${c.charCodeAt(0)};`)
    .replace(/\r?\n/g, ' ');
}

/** For a Graphviz double-quoted string: backslash and quote escaped, line breaks as `\n`. */
export function escapeDot(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n');
}
