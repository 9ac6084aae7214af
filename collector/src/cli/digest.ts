import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { loadMailConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { databaseLocation, openLocation } from '../db/open.ts';
import type { Db } from '../db/schema.ts';
import { addDays } from '../features/compliance/engine/local-time.ts';
import { composeDigest } from '../features/digest/compose-digest.ts';
import { describeFailure, buildEml, smtpSender } from '../features/digest/mailer.ts';
import { ensureComputed } from '../features/digest/ensure-computed.ts';
import { sendCopy, sendDayNow, toOutgoing } from '../features/digest/send-by-hand.ts';
import { placeName } from '../features/digest/render-subject.ts';
import { findCountyByName } from '../features/places/find-county-by-name.ts';
import { getCounty } from '../features/places/get-county.ts';
import { getTown } from '../features/places/get-town.ts';
import { listCounties } from '../features/places/list-counties.ts';
import type { County } from '../features/places/schema.ts';
import { localDay } from '../features/reports/local-day.ts';
import { createLogger } from '../logger.ts';
import { isMailbox } from '../mail-config.ts';
import type { OptionSpec, ParsedOptions } from './args.ts';
import { requireString } from './args.ts';
import type { CommandIo, Env } from './cli-error.ts';
import { CliError, EXIT } from './cli-error.ts';
import { requireConfig } from './config-error.ts';
import { cliActor, readDate } from './county-database.ts';

export const DIGEST_OPTIONS: OptionSpec = {
  county: { type: 'string', example: '城口县' },
  date: { type: 'string', example: '2026-11-27' },
  town: { type: 'string', example: '12' },
  'dry-run': { type: 'boolean' },
  to: { type: 'string', example: 'zhang@example.org' },
  out: { type: 'string', example: 'digest.eml' },
};

/**
 * `digest --county ID|NAME [--date D] [--town ID] [--dry-run [--out FILE.eml|.html] | --to ADDR]`:
 * prints the mail, sends one copy, or sends the day to every recipient who has not had it.
 */
export async function runDigest(
  env: Env,
  options: ParsedOptions,
  io: CommandIo,
  lang: Lang,
): Promise<number> {
  const ref = requireString(options, 'county', '城口县');
  const dryRun = options['dry-run'] === true;
  const to = typeof options['to'] === 'string' ? options['to'] : undefined;
  const out = typeof options['out'] === 'string' ? resolve(options['out']) : undefined;
  if (dryRun && to !== undefined) throw new CliError('digest.cli.toAndDryRun');
  if (to !== undefined && !isMailbox(to)) throw new CliError('digest.cli.badTo', { value: to });
  if (out !== undefined && !dryRun) throw new CliError('digest.cli.outNeedsDryRun');
  if (out !== undefined && !['.eml', '.html'].includes(extname(out).toLowerCase())) {
    throw new CliError('digest.cli.badOut', { file: out });
  }
  const townRef = typeof options['town'] === 'string' ? options['town'] : undefined;
  if (townRef !== undefined && !/^[1-9]\d{0,15}$/.test(townRef)) {
    throw new CliError('digest.cli.badTown', { value: townRef });
  }
  const date = readDate(options);
  const config = requireConfig(loadMailConfig(env));
  const { mail } = config;
  if (!dryRun && mail.smtp === null) throw new CliError('digest.cli.mailOff');

  const database = openLocation(databaseLocation(config));
  try {
    await migrateToLatest(database.kysely);
    const db = database.kysely;
    const clock = () => new Date();
    const county = await findCounty(db, ref);
    const day = date ?? addDays(localDay(clock(), county.timezone), -1);
    await ensureComputed({
      db,
      clock,
      input: { countyId: county.id, day, timeZone: county.timezone },
    });
    const townId = townRef === undefined ? undefined : Number(townRef);
    if (townId !== undefined) {
      const town = await getTown({ db, input: { id: townId } }).catch(() => undefined);
      if (town?.countyId !== county.id) {
        throw new CliError('digest.cli.townNotFound', { town: townId, county: county.name });
      }
    }
    if (dryRun) {
      const input = { countyId: county.id, day, townId, lang, publicUrl: mail.publicUrl };
      const digest = await composeDigest({ db, clock, input });
      io.stdout(`${digest.subject}\n\n${digest.text}`);
      if (out !== undefined) {
        const from = mail.from ?? 'xiaowang@localhost';
        const bytes =
          extname(out).toLowerCase() === '.html'
            ? digest.html
            : await buildEml(
                toOutgoing(digest, { from, to: from, lang, countyId: county.id, day }),
              );
        writeOut(out, bytes);
        io.stderr(t(lang, 'digest.cli.written', { file: out }));
      }
      return EXIT.OK;
    }
    const smtp = mail.smtp;
    if (smtp === null) throw new CliError('digest.cli.mailOff');
    const sender = smtpSender(smtp);
    const logger = createLogger({ level: 'error', write: (line) => io.stderr(line) });
    const secrets = smtp.password === undefined ? [] : [smtp.password.reveal()];
    try {
      const ctx = { db, clock, logger, mail, sender };
      if (to !== undefined) {
        const input = {
          countyId: county.id,
          day,
          lang,
          to,
          ...(townId === undefined ? {} : { townId }),
        };
        const sent = await sendCopy({ ...ctx, input }).catch((error: unknown) => {
          throw new CliError(
            'digest.cli.sendFailed',
            { detail: describeFailure(error, secrets).text },
            EXIT.FAILED,
          );
        });
        const place = placeName(sent.digest.content, lang);
        io.stdout(
          t(lang, 'digest.cli.sentTo', { date: day, place, to, messageId: sent.messageId }),
        );
        return EXIT.OK;
      }
      const instance = `${cliActor()}:${process.pid}`;
      const result = await sendDayNow({ ...ctx, input: { countyId: county.id, day, instance } });
      if (result.sent + result.earlier + result.failed.length === 0) {
        throw new CliError('digest.cli.noRecipients', { county: county.name });
      }
      io.stdout(
        t(lang, 'digest.cli.delivered', {
          county: county.name,
          date: day,
          sent: result.sent,
          earlier: result.earlier,
          failed: result.failed.length,
        }),
      );
      for (const f of result.failed) io.stderr(t(lang, 'digest.cli.failedLine', f));
      return result.failed.length === 0 ? EXIT.OK : EXIT.FAILED;
    } finally {
      sender.close();
    }
  } finally {
    await database.close();
  }
}

/** A county by its id (digits) or its name. */
async function findCounty(db: Db, ref: string): Promise<County> {
  const trimmed = ref.trim();
  const byName = await findCountyByName({ db, input: { name: trimmed } });
  if (byName !== undefined) return byName;
  if (/^\d+$/.test(trimmed)) {
    const byId = await getCounty({ db, input: { id: Number(trimmed) } }).catch(() => undefined);
    if (byId !== undefined) return byId;
  }
  const known = (await listCounties({ db, input: {} })).map((c) => `${c.id} ${c.name}`).join('、');
  throw new CliError('digest.cli.countyNotFound', { ref, known: known || '-' });
}

function writeOut(file: string, bytes: string | Buffer): void {
  try {
    writeFileSync(file, bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError('ledger.cli.unwritable', { file, detail }, EXIT.FAILED);
  }
}
