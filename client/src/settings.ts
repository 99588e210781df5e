import * as vscode from 'vscode';
import { ASSOCIATIONS_SETTING, SETTINGS_SECTION } from './names';

/** The `natsLattice.files.associations` globs, trimmed, without blanks or non-strings. */
export function readAssociations(scope?: vscode.ConfigurationScope): string[] {
  const value = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<unknown>(ASSOCIATIONS_SETTING);
  if (!Array.isArray(value)) return [];
  return value.filter((glob): glob is string => typeof glob === 'string').map((g) => g.trim()).filter((g) => g !== '');
}

/** What the server receives as initializationOptions: the settings section's shape, plus workspace trust. */
export function initializationOptions(): { files: { associations: string[] }; format: unknown; validation: { natsServer: unknown }; workspaceTrusted: boolean } {
  const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    files: { associations: readAssociations() },
    format: section.get('format'),
    validation: { natsServer: section.get('validation.natsServer') },
    // The server never runs nats-server on files of an untrusted workspace.
    workspaceTrusted: vscode.workspace.isTrusted,
  };
}
