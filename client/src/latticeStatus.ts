import * as vscode from 'vscode';

/** What the server sends as `natsLattice/status` after each workspace lattice check. */
export interface LatticeSummary {
  servers: number;
  hosts: number;
  problems: number;
}

export const STATUS_NOTIFICATION = 'natsLattice/status';
export const CHECK_WORKSPACE_REQUEST = 'natsLattice/checkWorkspace';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "NATS: 5 servers · 2 hosts · 1 problem": hosts and problems only when there are any. */
export function statusText(summary: LatticeSummary): string {
  const parts = [count(summary.servers, 'server', 'servers')];
  if (summary.hosts > 0) parts.push(count(summary.hosts, 'host', 'hosts'));
  if (summary.problems > 0) parts.push(count(summary.problems, 'problem', 'problems'));
  return `NATS: ${parts.join(' · ')}`;
}

export function isLatticeSummary(value: unknown): value is LatticeSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.servers === 'number' && typeof v.hosts === 'number' && typeof v.problems === 'number';
}

/**
 * The status bar item naming the lattice's state. Clicking it opens the Problems view, where the
 * lattice findings are listed with the files they involve.
 */
export class LatticeStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('natsLattice.status', vscode.StatusBarAlignment.Left, 10);
  private last: LatticeSummary | undefined;

  constructor() {
    this.item.name = 'NATS Lattice';
    this.item.command = 'workbench.actions.view.problems';
  }

  /** The summary last shown, and its text (the check command returns both, tests read them). */
  get current(): { summary: LatticeSummary; text: string } | undefined {
    return this.last ? { summary: this.last, text: statusText(this.last) } : undefined;
  }

  show(summary: LatticeSummary): void {
    this.last = summary;
    if (summary.servers === 0 && summary.hosts === 0) {
      // Nothing to cross-check in this workspace: say nothing rather than "0 servers".
      this.item.hide();
      return;
    }
    this.item.text = `${summary.problems > 0 ? '$(warning)' : '$(check)'} ${statusText(summary)}`;
    this.item.tooltip = new vscode.MarkdownString(
      `**NATS Lattice**: ${count(summary.servers, 'server configuration', 'server configurations')} and ` +
        `${count(summary.hosts, 'wasmCloud host file', 'wasmCloud host files')} cross-checked; ` +
        `${summary.problems === 0 ? 'no problems found' : `${count(summary.problems, 'problem', 'problems')} found`}.\n\n` +
        'Click to open the Problems view. Run **NATS Lattice: Check Workspace** to check again.',
    );
    this.item.backgroundColor = undefined;
    this.item.show();
  }

  showChecking(): void {
    this.item.text = '$(sync~spin) NATS: checking…';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
