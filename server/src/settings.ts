/** The server-side settings, under `natsLattice` in VS Code's settings. */
export interface LatticeSettings {
  files: {
    /** Extra globs naming NATS configuration files, on top of the conventional names. */
    associations: string[];
  };
}

export function defaultSettings(): LatticeSettings {
  return { files: { associations: [] } };
}

/**
 * Reads settings from whatever the client sent, tolerating the shapes seen in practice: the
 * `natsLattice` section itself, an object holding it (`{ natsLattice: {...} }`), or nothing.
 * `files.associations` may be a list of globs or an object whose keys are globs.
 */
export function readSettings(raw: unknown): LatticeSettings {
  const settings = defaultSettings();
  const section = isObject(raw) && isObject(raw.natsLattice) ? raw.natsLattice : raw;
  if (!isObject(section)) return settings;
  const files = section.files;
  const associations = isObject(files) ? files.associations : section['files.associations'];
  if (Array.isArray(associations)) {
    settings.files.associations = associations.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '');
  } else if (isObject(associations)) {
    settings.files.associations = Object.keys(associations).filter((glob) => glob.trim() !== '');
  }
  return settings;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
