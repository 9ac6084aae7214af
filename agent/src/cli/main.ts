import type { Lang } from '@xiaowang/shared';
import { DEFAULT_LANG, isLang, t } from '@xiaowang/shared';
import { parseArgs } from './args.ts';
import { CliError } from './cli-error.ts';
import type { CommandIo } from './probe.ts';
import { runProbe } from './probe.ts';
import { PROBE_SPEC } from './probe-options.ts';
import { ENROLL_SPEC, runEnroll } from './enroll.ts';
import { runStatus, STATUS_SPEC } from './status.ts';
import { runAgent, RUN_SPEC } from './run.ts';
import { DOCTOR_SPEC, runDoctor } from './doctor.ts';
import { ConfigError, problemText } from '../config/load-config.ts';
import { SpoolFullError, SpoolLockedError, SpoolWriteError } from '../spool/errors.ts';

/** `--lang` is read before anything else so that even option errors speak the user's language. */
function pickLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = arg.startsWith('--lang=')
      ? arg.slice(7)
      : arg === '--lang'
        ? argv[i + 1]
        : undefined;
    if (value !== undefined && isLang(value)) return value;
  }
  return DEFAULT_LANG;
}

export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const lang = pickLang(argv);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
        io.stdout(t(lang, 'cli.usage.main'));
        return command === undefined ? 2 : 0;
      case 'probe': {
        const args = parseArgs(rest, PROBE_SPEC, 'probe');
        if (args['help'] === true) {
          io.stdout(t(lang, 'cli.usage.probe'));
          return 0;
        }
        if (typeof args['lang'] === 'string' && !isLang(args['lang'])) {
          throw new CliError('cli.error.badValue', {
            option: '--lang',
            expected: 'zh-CN | en',
            value: args['lang'],
          });
        }
        return await runProbe(args, lang, io);
      }
      case 'enroll':
        return await runEnroll(parseArgs(rest, ENROLL_SPEC, 'enroll'), lang, io);
      case 'doctor':
        return await runDoctor(parseArgs(rest, DOCTOR_SPEC, 'doctor'), lang, io);
      case 'run':
        return await runAgent(parseArgs(rest, RUN_SPEC, 'run'), lang, io);
      case 'status':
        return runStatus(parseArgs(rest, STATUS_SPEC, 'status'), lang, io);
      default:
        throw new CliError('cli.error.unknownCommand', { command });
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(t(lang, error.key, error.params));
      return error.exitCode;
    }
    if (error instanceof SpoolLockedError) {
      const holder = error.pid === null ? t(lang, 'run.anotherProcess') : `PID ${error.pid}`;
      io.stderr(t(lang, 'run.spoolLocked', { dir: error.dir, holder }));
      return 1;
    }
    if (error instanceof SpoolFullError) {
      io.stderr(t(lang, 'run.spoolFull', { dir: error.dir, code: error.code }));
      return 1;
    }
    if (error instanceof SpoolWriteError) {
      io.stderr(
        t(lang, 'run.spoolError', { dir: error.dir, code: error.code, detail: error.message }),
      );
      return 1;
    }
    if (error instanceof ConfigError) {
      io.stderr(t(lang, 'run.configInvalid', { file: error.file }));
      for (const p of error.problems) io.stderr(`  ${p.path}: ${problemText(p, lang)}`);
      return 2;
    }
    throw error;
  }
}
