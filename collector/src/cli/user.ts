import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { AppError } from '../errors.ts';
import { ROLES } from '../http/principal.ts';
import type { Role } from '../http/principal.ts';
import { listSchools } from '../features/places/list-schools.ts';
import { createFirstAdmin } from '../features/users/create-first-admin.ts';
import { createUser } from '../features/users/create-user.ts';
import type { UserView } from '../features/users/schema.ts';
import type { OptionSpec } from './args.ts';
import { parseOptions, requireString } from './args.ts';
import type { CommandIo, Env } from './cli-error.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { CountyWork } from './county-database.ts';
import { cliActor, withCounty } from './county-database.ts';
import type { SecretInput } from './password-input.ts';
import { processSecretInput, stripLineEnd } from './password-input.ts';

export const USER_OPTIONS: OptionSpec = {
  username: { type: 'string', example: 'zhang.wei' },
  role: { type: 'string', example: 'technician' },
  county: { type: 'string', example: '城口县' },
  school: { type: 'string', example: '5101230001' },
  'display-name': { type: 'string', example: '张伟' },
  'password-stdin': { type: 'boolean' },
  lang: { type: 'string', example: 'en' },
  help: { type: 'boolean' },
};

/**
 * `user create …` and `user create-admin …`: accounts from a shell on the server. The
 * password comes from stdin (`--password-stdin`) or is asked twice without echo; it is
 * never printed, logged or taken as an argument.
 */
export async function runUser(
  env: Env,
  args: readonly string[],
  io: CommandIo,
  lang: Lang,
  secrets: SecretInput = processSecretInput(
    () => new CliError('users.cli.interrupted', {}, EXIT.FAILED),
  ),
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === 'help') {
    io.stdout(t(lang, 'users.cli.usage'));
    return EXIT.OK;
  }
  if (sub !== 'create' && sub !== 'create-admin') {
    throw new CliError('users.cli.unknownSubcommand', { command: sub });
  }
  const options = parseOptions(rest, USER_OPTIONS, `user ${sub}`);
  if (options['help'] === true) {
    io.stdout(t(lang, 'users.cli.usage'));
    return EXIT.OK;
  }
  const username = requireString(options, 'username', 'zhang.wei');
  const countyName = requireString(options, 'county', '城口县');
  const role = sub === 'create-admin' ? 'county_admin' : readRole(options['role']);
  const schoolCodes = repeated(rest, 'school');
  const displayName = options['display-name'];
  const password = await readPassword(options['password-stdin'] === true, secrets, lang);
  return withCounty(env, countyName, async (ctx) => {
    const input = {
      username,
      password,
      countyId: ctx.county.id,
      ...(typeof displayName === 'string' ? { displayName } : {}),
    };
    const actor = cliActor();
    const user = await explainAppErrors(io, lang, async () =>
      sub === 'create-admin'
        ? createFirstAdmin({ ...ctx, actor, input })
        : createUser({
            ...ctx,
            actor,
            input: { ...input, role, schoolIds: await schoolIds(ctx, schoolCodes) },
          }),
    );
    if (typeof user === 'number') return user;
    const params = { username: user.username, role: user.role, county: ctx.county.name };
    io.stdout(t(lang, 'users.cli.created', { ...params, id: user.id }));
    return EXIT.OK;
  });
}

function readRole(value: unknown): Role {
  if (typeof value !== 'string') {
    throw new CliError('collector.cli.missingOption', { option: '--role', example: 'technician' });
  }
  const role = ROLES.find((r) => r === value);
  if (role === undefined) throw new CliError('users.cli.badRole', { value });
  return role;
}

/** Every value of a repeatable option (`--school A --school B`, or `--school A,B`). */
function repeated(args: readonly string[], name: string): string[] {
  const values: string[] = [];
  args.forEach((arg, i) => {
    if (arg === `--${name}`) values.push(args[i + 1] ?? '');
    else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3));
  });
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

async function schoolIds(ctx: CountyWork, codes: readonly string[]): Promise<number[]> {
  if (codes.length === 0) return [];
  const schools = await listSchools({ db: ctx.db, input: { countyId: ctx.county.id } });
  const byCode = new Map(schools.map((s) => [s.code.toLowerCase(), s.id]));
  return codes.map((code) => {
    const id = byCode.get(code.toLowerCase());
    if (id === undefined)
      throw new CliError('users.cli.schoolNotFound', { county: ctx.county.name, code });
    return id;
  });
}

async function readPassword(fromStdin: boolean, secrets: SecretInput, lang: Lang): Promise<string> {
  if (fromStdin) {
    const password = stripLineEnd(await secrets.readStdin());
    if (password === '') throw new CliError('users.cli.passwordEmpty');
    return password;
  }
  if (!secrets.isTerminal) throw new CliError('users.cli.needTerminal');
  const first = await secrets.promptHidden(t(lang, 'users.cli.passwordPrompt'));
  const second = await secrets.promptHidden(t(lang, 'users.cli.passwordRepeat'));
  if (first !== second) throw new CliError('users.cli.passwordMismatch');
  return first;
}

/** A refused input prints each problem as `field: message` and exits 2; other refusals 1. */
async function explainAppErrors(
  io: CommandIo,
  lang: Lang,
  work: () => Promise<UserView>,
): Promise<UserView | number> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = error.details ?? [];
    if (details.length === 0) {
      io.stderr(t(lang, error.key, error.params));
    }
    for (const d of details) {
      io.stderr(t(lang, 'users.cli.invalid', { field: d.path, problem: t(lang, d.key, d.params) }));
    }
    return error.code === 'VALIDATION' ? EXIT.USAGE : EXIT.FAILED;
  }
}
