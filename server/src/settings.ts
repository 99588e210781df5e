import { DEFAULT_LIMITS, FeatureLimits } from './features/limits';
/** What a rule can be set to: a severity, or `off` to drop its diagnostics. */
export type RuleLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';

export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

/** The server-side settings, under `natsLattice` in VS Code's settings and in `.nats-lattice.json`. */
export interface LatticeSettings {
  files: {
    /** Extra globs naming NATS configuration files, on top of the conventional names. */
    associations: string[];
  };
  /** Diagnostic code → the level to report it at (`off` drops it); codes not named keep their default. */
  rules: Record<string, RuleLevel>;
  /** The nats-server release the configurations are written for, e.g. "2.10.0"; undefined: the newest known. */
  serverVersion?: string;
  wasmcloud: {
    /** The wasmCloud host release the env files are written for; undefined: the newest known. */
    hostVersion?: string;
    /** Host file glob → the NATS config those hosts use (a pin without editing the file). */
    servers?: Record<string, string>;
  };
  /** Globs of files never checked (the CLI skips them; the editor shows nothing for them). */
  ignore: string[];
  /** Caps on symbols and folding ranges for huge documents. */
  limits: FeatureLimits;
  /** Answer an edit of one value or one key in a large document from its previous check (quickCheck.ts). */
  quickCheck: boolean;
}

export function defaultSettings(): LatticeSettings {
  return { files: { associations: [] }, rules: {}, wasmcloud: {}, ignore: [], limits: { ...DEFAULT_LIMITS }, quickCheck: true };
}

/**
 * Reads settings from whatever the client sent, tolerating the shapes seen in practice: the
 * `natsLattice` section itself, an object holding it (`{ natsLattice: {...} }`), or nothing.
 * `files.associations` may be a list of globs or an object whose keys are globs. Dotted keys
 * (`"wasmcloud.hostVersion"`) are read like nested ones. Values of the wrong type are ignored;
 * `settingsProblems` says what was wrong with them.
 */
export function readSettings(raw: unknown): LatticeSettings {
  return readSettingsReporting(raw).settings;
}

export function readSettingsReporting(raw: unknown): { settings: LatticeSettings; problems: string[] } {
  const settings = defaultSettings();
  const problems: string[] = [];
  const section = isObject(raw) && isObject(raw.natsLattice) ? raw.natsLattice : raw;
  if (!isObject(section)) return { settings, problems };
  const read = (dotted: string): unknown => {
    if (dotted in section) return section[dotted];
    let value: unknown = section;
    for (const part of dotted.split('.')) value = isObject(value) ? value[part] : undefined;
    return value;
  };

  const associations = read('files.associations');
  if (Array.isArray(associations)) {
    settings.files.associations = associations.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '');
  } else if (isObject(associations)) {
    settings.files.associations = Object.keys(associations).filter((glob) => glob.trim() !== '');
  } else if (associations !== undefined) {
    problems.push('"files.associations" must be a list of globs, e.g. ["*.natsconf"]');
  }

  const rules = read('rules');
  if (isObject(rules)) {
    for (const [code, level] of Object.entries(rules)) {
      if (typeof level === 'string' && (RULE_LEVELS as readonly string[]).includes(level)) settings.rules[code] = level as RuleLevel;
      else problems.push(`"rules.${code}" must be one of ${RULE_LEVELS.map((l) => `"${l}"`).join(', ')}, not ${JSON.stringify(level)}`);
    }
  } else if (rules !== undefined) {
    problems.push('"rules" must be an object mapping codes to levels, e.g. { "duplicate-key": "error" }');
  }

  const serverVersion = readVersion(read('serverVersion'), 'serverVersion', problems);
  if (serverVersion) settings.serverVersion = serverVersion;
  const hostVersion = readVersion(read('wasmcloud.hostVersion'), 'wasmcloud.hostVersion', problems);
  if (hostVersion) settings.wasmcloud.hostVersion = hostVersion;
  const servers = read('wasmcloud.servers');
  if (isObject(servers)) {
    settings.wasmcloud.servers = Object.fromEntries(Object.entries(servers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== ''));
  } else if (servers !== undefined) {
    problems.push('"wasmcloud.servers" must map host file globs to NATS configs, e.g. { "edge/*.env": "nats/leaf.conf" }');
  }

  const ignore = read('ignore');
  if (Array.isArray(ignore)) settings.ignore = ignore.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '');
  else if (ignore !== undefined) problems.push('"ignore" must be a list of globs, e.g. ["test/**"]');

  for (const key of ['symbols', 'foldingRanges'] as const) {
    const limit = read(`limits.${key}`);
    if (typeof limit === 'number' && Number.isInteger(limit) && limit > 0) settings.limits[key] = limit;
    else if (limit !== undefined) problems.push(`"limits.${key}" must be a whole number above 0, not ${JSON.stringify(limit)}`);
  }

  const quickCheck = read('quickCheck');
  if (typeof quickCheck === 'boolean') settings.quickCheck = quickCheck;
  else if (quickCheck !== undefined) problems.push(`"quickCheck" must be true or false, not ${JSON.stringify(quickCheck)}`);
  return { settings, problems };
}

/**
 * Layers a project file over the editor's (or the command line's) settings: what the project file
 * sets wins, so the editor and CI report the same; rules are merged code by code.
 */
export function mergeSettings(base: LatticeSettings, project: LatticeSettings): LatticeSettings {
  return {
    files: { associations: [...new Set([...base.files.associations, ...project.files.associations])] },
    rules: { ...base.rules, ...project.rules },
    serverVersion: project.serverVersion ?? base.serverVersion,
    wasmcloud: {
      hostVersion: project.wasmcloud.hostVersion ?? base.wasmcloud.hostVersion,
      servers: { ...base.wasmcloud.servers, ...project.wasmcloud.servers },
    },
    ignore: [...new Set([...base.ignore, ...project.ignore])],
    limits: base.limits,
    quickCheck: base.quickCheck && project.quickCheck,
  };
}

function readVersion(value: unknown, key: string, problems: string[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && /^v?\d+\.\d+(\.\d+)?([-+][\w.-]*)?$/.test(value.trim())) return value.trim().replace(/^v/, '');
  problems.push(`"${key}" must be a release number such as "2.10.0", not ${JSON.stringify(value)}`);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
