import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.ts';
import { databaseFile, openDatabase } from '../db/open.ts';
import { verifyPassword } from '../features/users/password.ts';
import { placeFactory } from '../testing/factories.ts';
import { makeTempDir } from '../testing/test-db.ts';
import type { CommandIo } from './cli-error.ts';
import { CliError, EXIT } from './cli-error.ts';
import { main } from './main.ts';
import type { SecretInput } from './password-input.ts';
import { runUser } from './user.ts';

const PASSWORD = 'a long enough password';

let temp: ReturnType<typeof makeTempDir>;
let env: Record<string, string>;
let schoolCode: string;
beforeEach(async () => {
  temp = makeTempDir();
  env = { XIAOWANG_DATA_DIR: temp.dir };
  const db = openDatabase({ file: databaseFile(temp.dir) });
  await migrateToLatest(db.kysely);
  const places = placeFactory(db.kysely);
  const county = await places.county({ name: '城口县' });
  schoolCode = (await places.school((await places.town(county.id)).id)).code;
  await db.close();
});
afterEach(() => temp.remove());

function secrets(o: Partial<{ stdin: string; typed: string[]; terminal: boolean }>): SecretInput {
  const typed = [...(o.typed ?? [])];
  return {
    isTerminal: o.terminal ?? false,
    readStdin: () => Promise.resolve(o.stdin ?? ''),
    promptHidden: () => Promise.resolve(typed.shift() ?? ''),
  };
}

async function run(args: string[], input: SecretInput) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  let code: number;
  let refused: string | undefined;
  try {
    code = await runUser(env, args, io, 'en', input);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    refused = error.key;
    code = error.exitCode;
  }
  return { code, refused, out: out.join('\n'), err: err.join('\n') };
}

async function storedUsers() {
  const db = openDatabase({ file: databaseFile(temp.dir) });
  try {
    return await db.kysely.selectFrom('users').selectAll().orderBy('id').execute();
  } finally {
    await db.close();
  }
}

describe('xiaowang-collector user', () => {
  it('creates the first administrator once, reading the password from stdin, never echoing it', async () => {
    const args = ['create-admin', '--username', 'admin', '--county', '城口县', '--password-stdin'];
    const first = await run(args, secrets({ stdin: `${PASSWORD}\n` }));
    expect(first.code).toBe(EXIT.OK);
    expect(first.out).toContain('Created user admin (county_admin) in 城口县');
    expect(first.out + first.err).not.toContain(PASSWORD);
    const [user] = await storedUsers();
    expect(await verifyPassword(PASSWORD, user?.password_hash ?? '')).toBe(true);

    const again = await run(
      ['create-admin', '--username', 'admin2', '--county', '城口县', '--password-stdin'],
      secrets({ stdin: PASSWORD }),
    );
    expect(again.code).toBe(EXIT.FAILED);
    expect(again.err).toContain('already exists');
    expect(await storedUsers()).toHaveLength(1);

    const audit = openDatabase({ file: databaseFile(temp.dir) });
    const rows = await audit.kysely.selectFrom('audit_log').select('actor').execute();
    await audit.close();
    expect(rows.map((r) => r.actor)).toEqual([expect.stringMatching(/^cli/)]);
  });

  it('creates a technician for schools given by code, asking twice for the password', async () => {
    const args = ['create', '--username', 'tech', '--role', 'technician', '--county', '城口县'];
    const res = await run(
      [...args, '--school', schoolCode],
      secrets({ terminal: true, typed: [PASSWORD, PASSWORD] }),
    );
    expect(res.code).toBe(EXIT.OK);
    expect((await storedUsers())[0]?.role).toBe('technician');

    const mismatch = await run(
      [...args.slice(0, 2), 'tech2', ...args.slice(3), '--school', schoolCode],
      secrets({ terminal: true, typed: [PASSWORD, 'something else entirely'] }),
    );
    expect(mismatch.refused).toBe('users.cli.passwordMismatch');
    expect(await storedUsers()).toHaveLength(1);
  });

  it('explains bad input: no school, unknown code, short password, no terminal', async () => {
    const base = ['create', '--username', 'x.tech', '--role', 'technician', '--county', '城口县'];
    const noSchool = await run([...base, '--password-stdin'], secrets({ stdin: PASSWORD }));
    expect(noSchool.code).toBe(EXIT.USAGE);
    expect(noSchool.err).toContain('schoolIds: A technician needs at least one school');
    const short = await run(
      [...base, '--school', schoolCode, '--password-stdin'],
      secrets({ stdin: 'short' }),
    );
    expect(short.err).toContain('at least 10 characters');
    const unknown = await run(
      [...base, '--school', 'NO-SUCH-CODE', '--password-stdin'],
      secrets({ stdin: PASSWORD }),
    );
    expect(unknown.refused).toBe('users.cli.schoolNotFound');
    const noTerminal = await run([...base, '--school', schoolCode], secrets({ terminal: false }));
    expect(noTerminal.refused).toBe('users.cli.needTerminal');
    const empty = await run([...base, '--password-stdin'], secrets({ stdin: '\n' }));
    expect(empty.refused).toBe('users.cli.passwordEmpty');
    expect(await storedUsers()).toEqual([]);
  });

  it('is registered in the main command, with its own usage and errors', async () => {
    const io = { out: [] as string[], err: [] as string[] };
    const cio: CommandIo = { stdout: (t) => io.out.push(t), stderr: (t) => io.err.push(t) };
    expect(await main(['user', 'frob', '--lang', 'en'], cio, env)).toBe(EXIT.USAGE);
    expect(io.err.join('\n')).toContain('Unknown user command "frob"');
    const badRole = await main(
      [
        'user',
        'create',
        '--username',
        'a.b.c',
        '--role',
        'admin',
        '--county',
        '城口县',
        '--lang',
        'en',
      ],
      cio,
      env,
    );
    expect(badRole).toBe(EXIT.USAGE);
    expect(io.err.join('\n')).toContain('--role must be county_admin');
    expect(await main(['user', '--help', '--lang', 'en'], cio, env)).toBe(EXIT.OK);
    expect(io.out.join('\n')).toContain('user create-admin');
    expect(await main(['help', '--lang', 'en'], cio, env)).toBe(EXIT.OK);
    expect(io.out.join('\n')).toContain('user create --username');
  });
});
