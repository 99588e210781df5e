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
  /** The analysis of the workspace as it is now; dropped on every change, rebuilt on demand. */
  private current: LatticeAnalysis | undefined;

  constructor(private readonly service: LanguageService, private readonly isExcluded: (absolutePath: string) => boolean = () => false) {}

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.forgetFiles();
  }

  /** Files were created, deleted or renamed: walk again before the next check. */
  forgetFiles(): void {
    this.files = undefined;
    this.current = undefined;
  }

  /** A file's text changed: hover, completion and the next check must not use the old analysis. */
  contentChanged(): void {
    this.current = undefined;
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
    const analysis = this.analysis();
    const next = new Map<string, Diagnostic[]>();
    for (const entry of this.service.checkLattice(this.files!, analysis)) next.set(pathToUri(entry.file), entry.diagnostics);
    const changed = new Set<string>();
    for (const uri of new Set([...this.byUri.keys(), ...next.keys()])) {
      if (JSON.stringify(this.byUri.get(uri) ?? []) !== JSON.stringify(next.get(uri) ?? [])) changed.add(uri);
    }
    this.byUri = next;
    return [...changed];
  }

  /** The analysis of the workspace as it is now (editor features and pictures of the lattice). */
  analysis(): LatticeAnalysis {
    if (!this.files) this.files = this.walk();
    this.current ??= this.service.analyzeLattice(this.files);
    return this.current;
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
