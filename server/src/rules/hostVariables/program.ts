// Which wasmCloud program reads a host source's variables, at which version: the question every
// host-variable rule and editor feature asks first.
import { findVariable, isActiveIn, WasmcloudComponent, WasmcloudVariable } from '../../facts/wasmcloudVars';
import { factsComponentOf, HostDefaults } from '../../lattice/hosts';
import { HostSource } from '../../sources/hostSettings';

export interface Program {
  /** The program whose table rows decide values and versions. */
  component: WasmcloudComponent;
  /** Undefined: the newest release checked. */
  version?: string;
  /**
   * Every program whose names are at home in this source. More than one when the program is a
   * guess from names alone (an env file with no image beside it is often shared by the host, wadm
   * and `wash up`), or for `wash up`, which passes the host's variables on.
   */
  family: WasmcloudComponent[];
  /** The component is a guess from the variable names (no image, unit or command said). */
  guessed: boolean;
}

export function programOf(source: HostSource, defaults: HostDefaults = {}): Program | undefined {
  const guessed = (source.kind === 'dotenv' || source.kind === 'envrc') && source.image === undefined;
  if (source.component === 'wash') return { component: 'wash', version: source.version, family: ['wash', 'host-rust', 'wadm'], guessed: false };
  const component = factsComponentOf(source, defaults);
  if (!component) return undefined;
  const version = component === 'wadm' ? source.version : (source.version ?? defaults.hostVersion);
  const family: WasmcloudComponent[] = guessed ? [component, ...(['host-rust', 'wadm', 'wash'] as const).filter((c) => c !== component)] : [component];
  return { component, version, family, guessed };
}

/** The row that decides a name in this program, when the program (or, for guesses, its family) reads it. */
export function activeRow(program: Program, name: string): WasmcloudVariable | undefined {
  for (const component of program.family) {
    const row = findVariable(name, component);
    const version = component === program.component ? program.version : undefined;
    // Other programs of a guessed family: their newest releases, as the version is not theirs.
    if (row && isActiveIn(row, version)) return row;
  }
  return undefined;
}

const PROGRAM_NAMES: Record<WasmcloudComponent, string> = {
  'host-rust': 'the wasmCloud host',
  'host-elixir': 'the wasmCloud host (Elixir/OTP)',
  'host-2': 'the wasmCloud 2.x host',
  wadm: 'wadm',
  wash: '`wash up`',
};

/** "the wasmCloud host 1.2.0", for messages. */
export function describeProgram(component: WasmcloudComponent, version?: string): string {
  return version === undefined ? PROGRAM_NAMES[component] : `${PROGRAM_NAMES[component]} ${version}`;
}

/** Capitalised, for the start of a sentence. */
export function describeProgramAtStart(component: WasmcloudComponent, version?: string): string {
  const text = describeProgram(component, version);
  return text.startsWith('`') ? text : text[0].toUpperCase() + text.slice(1);
}
