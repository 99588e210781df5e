// How the formatter writes a configuration: the editor's indentation plus the two
// `natsLattice.format.*` settings. Kept apart from LatticeSettings so reading it never depends on
// (or disturbs) the checking settings.

/** The separator written between a key and a scalar or array value: `key: v`, `key = v`, `key v`. */
export type SeparatorStyle = ':' | '=' | ' ';
export const SEPARATOR_STYLES: readonly SeparatorStyle[] = [':', '=', ' '];

export interface FormatStyle {
  /** One level of indentation: a tab, or tabSize spaces. */
  indent: string;
  separator: SeparatorStyle;
  /** Pad keys so the values of consecutive entries in a block line up. */
  alignValues: boolean;
  /** End the file with a line break even when it had none. */
  insertFinalNewline: boolean;
}

export interface FormatSettings {
  separator: SeparatorStyle;
  alignValues: boolean;
}

export function defaultFormatSettings(): FormatSettings {
  return { separator: ':', alignValues: false };
}

/**
 * Reads `format.separator` and `format.alignValues` from the `natsLattice` section (or an object
 * holding it, or dotted keys), ignoring values of the wrong type.
 */
export function readFormatSettings(raw: unknown): FormatSettings {
  const settings = defaultFormatSettings();
  const section = isObject(raw) && isObject(raw.natsLattice) ? raw.natsLattice : raw;
  if (!isObject(section)) return settings;
  const format = isObject(section.format) ? section.format : {};
  const separator = section['format.separator'] ?? format.separator;
  if (typeof separator === 'string' && (SEPARATOR_STYLES as readonly string[]).includes(separator)) settings.separator = separator as SeparatorStyle;
  const align = section['format.alignValues'] ?? format.alignValues;
  if (typeof align === 'boolean') settings.alignValues = align;
  return settings;
}

/** Combines the editor's FormattingOptions (tabSize, insertSpaces, insertFinalNewline) with the settings. */
export function formatStyleFrom(
  options: { tabSize?: number; insertSpaces?: boolean; insertFinalNewline?: boolean },
  settings: FormatSettings = defaultFormatSettings(),
): FormatStyle {
  const size = Number.isInteger(options.tabSize) && options.tabSize! > 0 ? Math.min(options.tabSize!, 16) : 2;
  return {
    indent: options.insertSpaces === false ? '\t' : ' '.repeat(size),
    separator: settings.separator,
    alignValues: settings.alignValues,
    insertFinalNewline: options.insertFinalNewline === true,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
