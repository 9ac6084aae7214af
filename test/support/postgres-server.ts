import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { freeTcpPort } from './collector-process.ts';

/*
 * A throwaway PostgreSQL server for tests and benchmarks: initdb in a temp directory, then
 * postgres on 127.0.0.1 and a free port, with durability off (fsync, full-page writes) since
 * the data dies with the run. PostgreSQL refuses to run as root, so as root the server runs
 * as the `postgres` user that Debian's postgresql package creates.
 */

export interface PostgresServer {
  /** The maintenance database, with the superuser `postgres` and no password. */
  readonly url: string;
  /** CPU time used so far by the server's processes that are still running, in ms (Linux). */
  cpuMs(): number;
  stop(): void;
}

export interface PostgresServerOptions {
  /** Extra `-c name=value` settings, e.g. for a benchmark with durability on. */
  readonly settings?: Readonly<Record<string, string>>;
}

const FAST = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

/** The directory of initdb, pg_ctl and postgres: newest /usr/lib/postgresql/N/bin, else PATH. */
export function postgresBinDir(): string | undefined {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(path.join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return path.join(debian, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const initdb = found.stdout.trim();
  return found.status === 0 && initdb !== '' ? path.dirname(initdb) : undefined;
}

export async function startPostgresServer(o: PostgresServerOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (bin === undefined) {
    throw new Error('PostgreSQL is not installed: apt-get install postgresql (initdb not found)');
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'xiaowang-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: readonly string[]) => {
    const command = path.join(bin, tool);
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
      : [command, [...args]];
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  const data = path.join(dir, 'data');
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--locale=C',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freeTcpPort();
  const settings = { ...FAST, max_connections: '200', ...o.settings };
  const flags = [
    `-h 127.0.0.1 -p ${port} -k ${dir}`,
    ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
  ].join(' ');
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', flags, '-w', 'start']);
  let stopped = false;
  const postmaster = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    cpuMs: () => processTreeCpuMs(postmaster),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** utime + stime of `root` and its children, from /proc (clock ticks of 10 ms). */
function processTreeCpuMs(root: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    // Fields after the command name, which may hold spaces: state ppid … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    if (pid !== root && Number(fields[1]) !== root) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}
