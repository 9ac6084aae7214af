#!/usr/bin/env node
// Bundles the agent into one ES module for school gateways: no node_modules, no tsx, no
// TypeScript there; only Node.js 20 (ADR 0002). Usage: node deploy/build-agent.mjs OUTFILE
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = process.argv[2] ?? path.join(root, 'dist/xiaowang-agent.mjs');
await build({
  entryPoints: [path.join(root, 'agent/src/cli/entry.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile,
  // Some CommonJS dependencies call require(); give the ES module bundle one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __xwRequire } from 'node:module';\nconst require = __xwRequire(import.meta.url);",
  },
  legalComments: 'linked',
  logLevel: 'warning',
});
