// ANSI colour for the text report, only when someone is looking at a terminal.

export interface Palette {
  error(text: string): string;
  warning(text: string): string;
  info(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plain = (text: string) => text;
export const NO_COLOR_PALETTE: Palette = { error: plain, warning: plain, info: plain, dim: plain, bold: plain };

const wrap = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
export const ANSI_PALETTE: Palette = { error: wrap(31, 39), warning: wrap(33, 39), info: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22) };

/** --color/--no-color win; otherwise colour when stdout is a terminal and NO_COLOR is unset or empty (no-color.org). */
export function wantsColor(flag: boolean | undefined, stdoutIsTerminal: boolean, env: Record<string, string | undefined>): boolean {
  if (flag !== undefined) return flag;
  return stdoutIsTerminal && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}
