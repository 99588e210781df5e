// "NATS Lattice: Show Topology": a webview panel with the server's picture of the lattice. The
// server draws the SVG (the same graph the lattice rules see); the page only shows it, follows the
// theme through VS Code's CSS variables, and reports clicks so we can open the file behind a node
// or link. The picture is asked for again after every lattice check the server reports.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { TOPOLOGY_REQUEST, TopologyParams, TopologyResult } from '../../server/src/features/topology/protocol';
import { LanguageServerController } from './languageServer';

export const TOPOLOGY_VIEW_TYPE = 'natsLattice.topology';

/** What the command resolves to: the counts of the first picture shown (tests read them). */
export interface TopologyShown { servers: number; hosts: number; problems: number }

type PageMessage = { type: 'ready' } | { type: 'open'; id: string };

export class TopologyView implements vscode.Disposable {
  private static current: TopologyView | undefined;
  private readonly nonce = randomBytes(16).toString('base64');
  private readonly disposables: vscode.Disposable[] = [];
  private latest: TopologyResult | undefined;
  private refreshing: Promise<TopologyResult | undefined> | undefined;
  private again = false;

  /** Opens the panel (or brings it forward) and resolves once it shows a picture. */
  static async show(context: vscode.ExtensionContext, server: LanguageServerController): Promise<TopologyShown | undefined> {
    if (!TopologyView.current) {
      const panel = vscode.window.createWebviewPanel(
        TOPOLOGY_VIEW_TYPE,
        'NATS Lattice Topology',
        { viewColumn: vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: false },
        // The page loads nothing: everything is inline, under a nonce.
        { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false },
      );
      TopologyView.current = new TopologyView(panel, server);
      context.subscriptions.push(TopologyView.current);
    } else {
      TopologyView.current.panel.reveal();
    }
    const result = await TopologyView.current.refresh();
    return result && result.counts;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly server: LanguageServerController,
  ) {
    panel.webview.html = pageHtml(this.nonce, panel.webview.cspSource);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: PageMessage) => this.onMessage(message)),
      server.onDidCheckLattice(() => void this.refresh()),
    );
  }

  dispose(): void {
    if (TopologyView.current === this) TopologyView.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  /** Asks the server for the picture; a refresh asked for while one runs runs once more after it. */
  refresh(): Promise<TopologyResult | undefined> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = this.fetch().finally(() => {
      this.refreshing = undefined;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.refreshing;
  }

  private async fetch(): Promise<TopologyResult | undefined> {
    try {
      await this.server.start();
      const client = this.server.languageClient;
      if (!client) throw new Error('the NATS Lattice language server is not running (see NATS Lattice: Show Output)');
      const params: TopologyParams = { styleNonce: this.nonce };
      const result = await client.sendRequest<TopologyResult | null>(TOPOLOGY_REQUEST, params);
      if (!result) throw new Error('the language server could not draw the lattice (see NATS Lattice: Show Output)');
      this.latest = result;
      await this.post();
      return result;
    } catch (error) {
      await this.panel.webview.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }

  private post(): Thenable<boolean> {
    const result = this.latest!;
    const summary = `${plural(result.counts.servers, 'server')} · ${plural(result.counts.hosts, 'host')} · ${plural(result.counts.problems, 'problem')}`;
    return this.panel.webview.postMessage({ type: 'graph', svg: result.svg, summary, loose: result.looseProblems.map((p) => `${p.severity} ${p.code}: ${p.message}`) });
  }

  private async onMessage(message: PageMessage): Promise<void> {
    if (message.type === 'ready') {
      // The page was (re)loaded, e.g. after the panel was hidden: give it the last picture.
      if (this.latest) await this.post();
      return;
    }
    const target = this.latest?.targets[message.id];
    if (!target) return;
    const { start, end } = target.range;
    await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), {
      selection: new vscode.Range(start.line, start.character, end.line, end.character),
      viewColumn: this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One,
    });
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function pageHtml(nonce: string, cspSource: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>NATS Lattice Topology</title>
<style nonce="${nonce}">
  body { margin: 0; padding: 0; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  header { position: sticky; top: 0; display: flex; gap: 12px; align-items: center; padding: 6px 12px; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border, transparent); z-index: 1; }
  header .hint { color: var(--vscode-descriptionForeground); flex: 1; }
  button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: 3px 10px; cursor: pointer; }
  button:hover { background: var(--vscode-button-secondaryHoverBackground); }
  #graph { padding: 8px; overflow: auto; }
  body.fit #graph svg { max-width: 100%; height: auto; }
  #loose { margin: 0 12px 12px; padding-left: 18px; color: var(--vscode-errorForeground); }
  #error { margin: 12px; color: var(--vscode-errorForeground); }
  .lattice .node:focus, .lattice .edge:focus { outline: none; }
</style>
</head>
<body class="fit">
<header><strong id="summary">Drawing the lattice…</strong><span class="hint">Click a server, host or link to open where it is configured. Hover for details and problems.</span><button id="fit" type="button">Actual size</button></header>
<div id="error" hidden></div>
<div id="graph" aria-live="polite"></div>
<ul id="loose"></ul>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const graph = document.getElementById('graph');
  const error = document.getElementById('error');
  const fit = document.getElementById('fit');
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'graph') {
      graph.innerHTML = message.svg;
      document.getElementById('summary').textContent = message.summary;
      const loose = document.getElementById('loose');
      loose.replaceChildren(...message.loose.map((text) => { const li = document.createElement('li'); li.textContent = text; return li; }));
      error.hidden = true;
      document.body.dataset.state = 'ready';
    } else if (message.type === 'error') {
      error.textContent = message.message;
      error.hidden = false;
      document.body.dataset.state = 'error';
    }
  });
  const open = (target) => {
    const item = target instanceof Element ? target.closest('[data-id]') : null;
    if (item) vscode.postMessage({ type: 'open', id: item.getAttribute('data-id') });
  };
  graph.addEventListener('click', (event) => open(event.target));
  graph.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); open(event.target); }
  });
  fit.addEventListener('click', () => {
    document.body.classList.toggle('fit');
    fit.textContent = document.body.classList.contains('fit') ? 'Actual size' : 'Fit to window';
  });
  vscode.postMessage({ type: 'ready' });
</script>
</body>
</html>`;
}
