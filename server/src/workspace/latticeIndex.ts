// The server's view of the workspace lattice: which files make it up (walked once, walked again
// only when files appear or vanish) and the lattice diagnostics of each file.
import { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from '../service';
import { pathToUri } from '../uri';
import { LatticeAnalysis } from './latticeAnalysis';
import { WorkspaceFiles } from './walk';

export class LatticeIndex {
  private roots: string[] = [];
  private files: WorkspaceFiles | undefined;
  private byUri = new Map<string, Diagnostic[]>();

  constructor(private readonly service: LanguageService, private readonly isExcluded: (absolutePath: string) => boolean = () => false) {}

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.files = undefined;
  }

  /** Files were created, deleted or renamed: walk again before the next check. */
  forgetFiles(): void {
    this.files = undefined;
  }

  diagnosticsFor(uri: string): Diagnostic[] {
    return this.byUri.get(uri) ?? [];
  }

  /** Whether a file takes part in the lattice (its edits call for a new check). */
  involves(path: string): boolean {
    return this.files !== undefined && (this.files.configs.includes(path) || this.files.hostFiles.includes(path));
  }

  /** Runs every lattice rule; returns the URIs whose lattice diagnostics changed. */
  check(): string[] {
    if (!this.files) this.files = this.walk();
    const next = new Map<string, Diagnostic[]>();
    for (const entry of this.service.checkLattice(this.files)) next.set(pathToUri(entry.file), entry.diagnostics);
    const changed = new Set<string>();
    for (const uri of new Set([...this.byUri.keys(), ...next.keys()])) {
      if (JSON.stringify(this.byUri.get(uri) ?? []) !== JSON.stringify(next.get(uri) ?? [])) changed.add(uri);
    }
    this.byUri = next;
    return [...changed];
  }

  /** The analysis behind the last check's findings, for pictures of the lattice. */
  analysis(): LatticeAnalysis {
    if (!this.files) this.files = this.walk();
    return this.service.analyzeLattice(this.files);
  }

  summary(): { servers: number; hosts: number; problems: number } {
    let problems = 0;
    for (const list of this.byUri.values()) problems += list.length;
    return { servers: this.files?.configs.length ?? 0, hosts: this.files?.hostFiles.length ?? 0, problems };
  }

  private walk(): WorkspaceFiles {
    const configs = new Set<string>();
    const hostFiles = new Set<string>();
    for (const root of this.roots) {
      const found = this.service.findWorkspaceFiles(root, this.isExcluded);
      found.configs.forEach((f) => configs.add(f));
      found.hostFiles.forEach((f) => hostFiles.add(f));
    }
    return { configs: [...configs].sort(), hostFiles: [...hostFiles].sort() };
  }
}
