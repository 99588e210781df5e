/**
 * A small glob matcher for file paths: `*` (any run of characters within one path segment),
 * `**` (any number of whole segments, including none), `?` (one character other than `/`) and
 * `{a,b}` (alternatives, which may nest). Every other character matches itself.
 *
 * Paths and globs are compared with `/` as the separator whatever the platform.
 * A glob without `/` is matched against the file name alone (`*.conf`); a glob with `/` that is not
 * absolute and does not start with `**` is matched against the trailing segments of the path
 * (`conf/*.conf` matches `/srv/app/conf/a.conf`), which is what people mean when they write one in
 * a setting that applies to every workspace folder.
 */
export function matchesGlob(glob: string, filePath: string): boolean {
  const normalizedPath = toSlashes(filePath);
  const normalizedGlob = toSlashes(glob.trim());
  if (normalizedGlob === '') return false;
  if (!normalizedGlob.includes('/')) return compileGlob(normalizedGlob).test(baseName(normalizedPath));
  const anchored = normalizedGlob.startsWith('/') || normalizedGlob.startsWith('**') || /^[A-Za-z]:\//.test(normalizedGlob);
  return compileGlob(anchored ? normalizedGlob : `**/${normalizedGlob}`).test(normalizedPath);
}

const compiled = new Map<string, RegExp>();

/** The regular expression matching exactly the strings the glob matches (cached). */
export function compileGlob(glob: string): RegExp {
  let regExp = compiled.get(glob);
  if (!regExp) {
    regExp = new RegExp(`^${globToRegExpSource(glob)}$`);
    compiled.set(glob, regExp);
  }
  return regExp;
}

function globToRegExpSource(glob: string): string {
  let source = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const startsSegment = i === 0 || glob[i - 1] === '/';
      const endsSegment = i + 2 === glob.length || glob[i + 2] === '/';
      if (startsSegment && endsSegment) {
        if (i + 2 === glob.length) {
          // A trailing `**` matches everything below, or nothing ("a/**" matches "a/" and "a/b/c").
          source += '.*';
        } else {
          // `**/` matches zero or more whole segments.
          source += '(?:[^/]*/)*';
          i++; // the slash is part of the segment pattern
        }
        i++;
        continue;
      }
      // `**` inside a segment behaves like `*`.
      source += '[^/]*';
      i++;
      continue;
    }
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      braceDepth++;
      source += '(?:';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (char === ',' && braceDepth > 0) source += '|';
    else source += escapeForRegExp(char);
  }
  // An unclosed `{` is taken literally rather than rejected: settings are typed by hand.
  if (braceDepth > 0) return escapeForRegExp(glob);
  return source;
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function toSlashes(text: string): string {
  return text.replace(/\\/g, '/');
}

function baseName(slashPath: string): string {
  const trimmed = slashPath.endsWith('/') ? slashPath.slice(0, -1) : slashPath;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
