import { DEFAULT_LANG, isLang, t } from '@xiaowang/shared';
import type { Lang } from '@xiaowang/shared';
import { runSchoolDemo } from './school-demo.ts';

export const DEMO_PORT = 16161;

/** `npm start [-- --lang en] [-- --once]`: --once prints one poll and exits (used by tests). */
export async function main(argv: readonly string[]): Promise<number> {
  let lang: Lang = DEFAULT_LANG;
  let once = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--once') once = true;
    else if (arg === '--lang' && isLang(argv[i + 1] ?? '')) lang = argv[++i] as Lang;
    else {
      process.stderr.write(
        `${t(lang, 'cli.error.unknownOption', { option: String(arg), command: 'start' })}\n`,
      );
      return 2;
    }
  }
  const print = (text: string): void => {
    process.stdout.write(`${text}\n`);
  };
  const responder = await runSchoolDemo({ lang, port: DEMO_PORT, print });
  if (once) {
    await responder.close();
    return 0;
  }
  print(t(lang, 'demo.stop'));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await responder.close();
  return 0;
}
