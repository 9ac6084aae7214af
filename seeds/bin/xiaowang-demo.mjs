#!/usr/bin/env node
// `npm start`: runs the demo from the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/demo/main.ts');
process.exitCode = await main(process.argv.slice(2));
