import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared fixtures live beside the repo and are never copied into it. */
export const SHARED_FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures');
export const hasSharedFixtures = existsSync(path.join(SHARED_FIXTURES, 'devices'));
