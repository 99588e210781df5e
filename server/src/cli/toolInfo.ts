// Who we are, for `--version` and SARIF's tool.driver. Kept in step with package.json by
// test/unit/cli/toolInfo.test.ts (the bundle cannot read package.json at run time).
export const TOOL_NAME = 'nats-lattice';
export const TOOL_VERSION = '0.1.0';
/** The extension's Marketplace page (publisher.name from package.json). */
export const TOOL_INFORMATION_URI = 'https://marketplace.visualstudio.com/items?itemName=nats-lattice.nats-lattice';
/**
 * Where docs/diagnostics.md is published, for each rule's helpUri (`<base>#<code>`). Undefined
 * until package.json names a repository; SARIF rules then carry their help text only.
 */
export const DIAGNOSTICS_DOC_URI: string | undefined = undefined;
