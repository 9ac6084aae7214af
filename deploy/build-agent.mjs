#!/usr/bin/env node
// Bundles the agent into one ES module for school gateways: no node_modules, no tsx, no
// TypeScript there; only Node.js 20 (ADR 0002). Usage: node deploy/build-agent.mjs OUTFILE
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = process.argv[2] ?? path.join(root, 'dist/xiaowang-agent.mjs');
const result = await build({
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
  write: false,
});

// esbuild escapes non-ASCII text in code but copies comments as they are, and one such
// character anywhere (a dash, an emoji in a dependency's doc comment) makes V8 hold the
// whole 1 MB source as UTF-16 for the life of the process: 2 MB of heap instead of 1
// (BENCHMARKS.md, poller round 9). Only comments can still hold any. They are escaped one
// UTF-16 unit at a time (\uXXXX, surrogate pairs for emoji), the form that would mean the
// same character in a string, a template or a regular expression, with or without /u.
const nonAscii = /[^\t\n\r\x20-\x7e]/g;
const escape = (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
for (const file of result.outputFiles) {
  mkdirSync(path.dirname(file.path), { recursive: true });
  writeFileSync(
    file.path,
    file.path.endsWith('.mjs') ? file.text.replace(nonAscii, escape) : file.contents,
  );
}
