import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deployedNodeFlags } from '../support/deployed-flags.ts';
import { REPO_ROOT } from '../support/paths.ts';

const SCRIPT = path.join(REPO_ROOT, 'deploy/install-agent.sh');
const root = mkdtempSync(path.join(tmpdir(), 'xw-install-'));
const dirs = {
  prefix: path.join(root, 'opt/xiaowang-agent'),
  config: path.join(root, 'etc/xiaowang'),
  state: path.join(root, 'var/lib/xiaowang-agent'),
};
const args = [
  '--no-systemd',
  '--prefix',
  dirs.prefix,
  '--config-dir',
  dirs.config,
  '--state-dir',
  dirs.state,
];

afterAll(() => rmSync(root, { recursive: true, force: true }));

function install(...extra: string[]): string {
  return execFileSync('bash', [SCRIPT, ...args, ...extra], { encoding: 'utf8', timeout: 120_000 });
}

describe('deploy/install-agent.sh (without systemd, into a temporary prefix)', () => {
  it('installs a single-file agent that runs, and a hardened unit file', () => {
    const out = install();
    expect(out).toContain('Installed xiaowang-agent');
    const bin = path.join(dirs.prefix, 'bin/xiaowang-agent');
    expect(execFileSync(bin, ['help', '--lang', 'en'], { encoding: 'utf8' })).toContain('enroll');
    const unit = readFileSync(path.join(dirs.prefix, 'xiaowang-agent.service'), 'utf8');
    expect(unit).toContain(`ExecStart=`);
    expect(unit).toContain(`--config ${dirs.config}/agent.json`);
    expect(unit).toContain(`ReadWritePaths=${dirs.state}`);
    expect(unit).toMatch(/NoNewPrivileges=yes[\s\S]*ProtectSystem=strict/);
    expect(unit).not.toMatch(/@[A-Z_]+@/);
    // The node flags of deploy/agent-node-flags, in the unit and the wrapper alike.
    const flags = deployedNodeFlags();
    expect(flags).toEqual(
      expect.arrayContaining([expect.stringMatching(/^--max-old-space-size=\d+$/)]),
    );
    const execStart = /^ExecStart=(.*)$/m.exec(unit)?.[1] ?? '';
    expect(execStart).toContain(` ${flags.join(' ')} ${dirs.prefix}/lib/xiaowang-agent.mjs run`);
    expect(readFileSync(bin, 'utf8')).toContain(` ${flags.join(' ')} "${dirs.prefix}/lib/`);
    expect(statSync(dirs.state).mode & 0o777).toBe(0o700);
  });

  it('is idempotent, and uninstall keeps the config and the spool', () => {
    writeFileSync(path.join(dirs.config, 'agent.json'), '{"kept": true}');
    writeFileSync(path.join(dirs.state, 'spool', '000000000001-x.json'), '{}');
    install();
    install();
    expect(existsSync(path.join(dirs.prefix, 'lib/xiaowang-agent.mjs'))).toBe(true);
    install('--uninstall');
    expect(existsSync(dirs.prefix)).toBe(false);
    expect(readFileSync(path.join(dirs.config, 'agent.json'), 'utf8')).toContain('kept');
    expect(existsSync(path.join(dirs.state, 'spool', '000000000001-x.json'))).toBe(true);
  });

  it('names an unknown option', () => {
    expect(() =>
      execFileSync('bash', [SCRIPT, '--frobnicate'], { encoding: 'utf8', stdio: 'pipe' }),
    ).toThrow(/unknown option: --frobnicate/);
  });
});
