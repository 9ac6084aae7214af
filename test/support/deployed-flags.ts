import { readFileSync } from 'node:fs';
import path from 'node:path';

const FILE = path.join(import.meta.dirname, '../../deploy/agent-node-flags');

/** The node flags deploy/install-agent.sh gives the agent (its unit and its wrapper). */
export function deployedNodeFlags(): string[] {
  return readFileSync(FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
