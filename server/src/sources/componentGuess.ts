// Deciding what program a source configures, from its image, its program name, or its variables.

import { componentOfProgram, ImageComponent } from '../facts/hostVersions';
import type { SourceComponent } from './hostSettings';

/** Maps the facts' components (which distinguish host generations) onto the coarser source component. */
export function sourceComponentOf(component: ImageComponent | undefined): SourceComponent {
  switch (component) {
    case 'host-rust':
    case 'host-elixir':
    case 'host-2':
      return 'wasmcloud';
    case 'wadm':
      return 'wadm';
    case 'wash':
      return 'wash';
    case 'nats':
      return 'nats';
    default:
      return 'unknown';
  }
}

/** A guess from variable names alone: mostly WASMCLOUD_* is a host, mostly WADM_* is wadm. */
export function componentFromNames(names: readonly string[]): SourceComponent {
  let host = 0;
  let wadm = 0;
  for (const name of names) {
    if (/^WASMCLOUD_|^WASMCOULD_/.test(name)) host++;
    else if (/^WADM_/.test(name)) wadm++;
  }
  if (host === 0 && wadm === 0) return 'unknown';
  return host >= wadm ? 'wasmcloud' : 'wadm';
}

/** A command line's program (first word, after `/usr/bin/env` and shell wrappers are skipped). */
export function componentFromCommand(words: readonly string[]): SourceComponent | undefined {
  for (const word of words) {
    if (/^(\/usr)?\/bin\/env$/.test(word) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) continue;
    const component = componentOfProgram(word);
    if (component === 'wash') return words.includes('up') ? 'wash' : 'unknown';
    return component === undefined ? undefined : sourceComponentOf(component);
  }
  return undefined;
}
