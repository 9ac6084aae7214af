import type { Lang } from '@xiaowang/shared';
import { DEFAULT_LANG, isLang, t } from '@xiaowang/shared';
import { formatConfigProblems, readProcessEnv } from '../config.ts';
import { DatabaseNewerError, MigrationFailedError } from '../db/migrate.ts';
import { parseOptions } from './args.ts';
import { BACKUP_OPTIONS, runBackup } from './backup.ts';
import type { CommandIo, Env } from './cli-error.ts';
import { CliError, EXIT } from './cli-error.ts';
import { ConfigInvalidError } from './config-error.ts';
import { DIGEST_OPTIONS, runDigest } from './digest.ts';
import { IMPORT_OPTIONS, runImport } from './import.ts';
import { LEDGER_OPTIONS, runLedger } from './ledger.ts';
import { runMigrate } from './migrate.ts';
import { MIGRATE_TO_POSTGRES_OPTIONS, runMigrateToPostgres } from './migrate-to-postgres.ts';
import { RECOMPUTE_OPTIONS, runRecompute } from './recompute.ts';
import { runServe } from './serve.ts';
import { runTargets, TARGETS_OPTIONS } from './targets.ts';
import { runUser } from './user.ts';

const COMMON = { lang: { type: 'string', example: 'en' }, help: { type: 'boolean' } } as const;

/** `--lang` is read first so that even a mistake in the options prints in the user's language. */
function pickLang(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : (argv[i]?.split('=')[1] ?? argv[i + 1]);
  return value !== undefined && isLang(value) ? value : DEFAULT_LANG;
}

/** The CLI of xiaowang-collector; returns the exit code (see cli-error.ts). */
export async function main(
  argv: readonly string[],
  io: CommandIo,
  env: Env = readProcessEnv(),
): Promise<number> {
  const lang = pickLang(argv);
  const [first, ...rest] = argv;
  const command = first === undefined || first.startsWith('-') ? 'serve' : first;
  const args = command === first ? rest : argv;
  try {
    if (command === 'help') {
      io.stdout(t(lang, 'collector.cli.usage'));
      return EXIT.OK;
    }
    // `user` has subcommands (create, create-admin) and parses its own options.
    if (command === 'user') return await runUser(env, args, io, lang);
    const spec = {
      ...COMMON,
      ...(command === 'backup' ? BACKUP_OPTIONS : command === 'import' ? IMPORT_OPTIONS : {}),
      ...(command === 'targets' ? TARGETS_OPTIONS : command === 'ledger' ? LEDGER_OPTIONS : {}),
      ...(command === 'recompute' ? RECOMPUTE_OPTIONS : {}),
      ...(command === 'digest' ? DIGEST_OPTIONS : {}),
      ...(command === 'migrate-to-postgres' ? MIGRATE_TO_POSTGRES_OPTIONS : {}),
    };
    const commands = ['serve', 'migrate', 'backup', 'import', 'targets', 'ledger', 'recompute'];
    if (![...commands, 'digest', 'migrate-to-postgres'].includes(command)) {
      throw new CliError('collector.cli.unknownCommand', { command });
    }
    const options = parseOptions(args, spec, command);
    if (typeof options['lang'] === 'string' && !isLang(options['lang'])) {
      throw new CliError('collector.cli.badLang', { value: options['lang'] });
    }
    if (options['help'] === true) {
      io.stdout(t(lang, 'collector.cli.usage'));
      return EXIT.OK;
    }
    switch (command) {
      case 'migrate':
        return await runMigrate(env, io, lang);
      case 'backup':
        return await runBackup(env, options, io, lang);
      case 'import':
        return await runImport(env, options, io, lang);
      case 'targets':
        return await runTargets(env, options, io, lang);
      case 'ledger':
        return await runLedger(env, options, io, lang);
      case 'recompute':
        return await runRecompute(env, options, io, lang);
      case 'digest':
        return await runDigest(env, options, io, lang);
      case 'migrate-to-postgres':
        return await runMigrateToPostgres(options, io, lang);
      default:
        return await runServe(env, io, lang);
    }
  } catch (error) {
    return report(error, io, lang);
  }
}

function report(error: unknown, io: CommandIo, lang: Lang): number {
  if (error instanceof CliError) {
    io.stderr(t(lang, error.key, error.params));
    return error.exitCode;
  }
  if (error instanceof ConfigInvalidError) {
    io.stderr(t(lang, 'collector.cli.configInvalid', { count: error.problems.length }));
    for (const line of formatConfigProblems(lang, error.problems)) io.stderr(`  ${line}`);
    return EXIT.USAGE;
  }
  if (error instanceof DatabaseNewerError) {
    io.stderr(t(lang, error.key, error.params));
    return EXIT.DATABASE_NEWER;
  }
  if (error instanceof MigrationFailedError) {
    io.stderr(t(lang, error.key, error.params));
    return EXIT.FAILED;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr(t(lang, 'collector.cli.unexpected', { detail }));
  return EXIT.FAILED;
}
