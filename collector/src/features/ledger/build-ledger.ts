import type { Clock, ReadContext } from '../../context.ts';
import type { Db } from '../../db/schema.ts';
import { validationError } from '../../errors.ts';
import { INDICATORS } from '../compliance/indicators.ts';
import { countyOrNotFound, referencedTown } from '../places/lookups.ts';
import { localDay } from '../reports/local-day.ts';
import { listCountyTargets } from '../targets/list-county-targets.ts';
import { countResults, selectLedgerResults } from './queries.ts';
import type { Ledger, LedgerQuery, LedgerRow, LedgerTarget } from './schema.ts';
import { LEDGER_STATUSES } from './schema.ts';

export type LedgerInput = Omit<LedgerQuery, 'format'>;

/**
 * For each target in force on the date, the schools whose result is not met or unknown,
 * read from school_daily_results as the compliance run left them.
 */
export async function buildLedger({
  db,
  clock,
  input,
}: ReadContext<LedgerInput> & { readonly clock: Clock }): Promise<Ledger> {
  const county = await countyOrNotFound(db, input.countyId);
  if (input.townId !== undefined) await checkTown(db, input.townId, county.id);
  const date = input.date ?? localDay(clock(), county.timezone);
  const { items } = await listCountyTargets({ db, clock, input: { countyId: county.id, date } });
  const inForce = items.flatMap((t) =>
    t.inForce !== null && (input.indicator === undefined || t.indicator === input.indicator)
      ? [{ ...t, step: t.inForce }]
      : [],
  );
  const filter = {
    countyId: county.id,
    day: date,
    indicators: inForce.map((t) => t.indicator),
    townId: input.townId,
  };
  const statuses = input.status === undefined ? LEDGER_STATUSES : [input.status];
  const results = await selectLedgerResults(db, { ...filter, statuses });
  const counts = await countResults(db, filter);

  const rows: LedgerRow[] = [];
  const targets: LedgerTarget[] = inForce.map((t) => {
    const mine = results.filter((r) => r.indicator === t.indicator);
    for (const r of mine) {
      const status = r.status === 'not_met' ? 'not_met' : 'unknown';
      rows.push({
        indicator: r.indicator,
        status,
        townId: r.town_id,
        town: r.town,
        schoolId: r.school_id,
        school: r.school,
        schoolCode: r.school_code,
        kind: r.kind,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        threshold: r.threshold ?? t.step.threshold,
        unknownReason: r.unknown_reason,
        failingSince: r.failing_since,
        document: t.document,
      });
    }
    return {
      targetId: t.id,
      indicator: t.indicator,
      unit: t.unit,
      document: t.document,
      sourceSentence: t.sourceSentence,
      step: t.step,
      schools: counts.get(t.indicator) ?? 0,
      notMet: mine.filter((r) => r.status === 'not_met').length,
      unknown: mine.filter((r) => r.status !== 'not_met').length,
    };
  });
  const order = (r: LedgerRow) =>
    INDICATORS.indexOf(r.indicator) * 2 + (r.status === 'not_met' ? 0 : 1);
  rows.sort((a, b) => order(a) - order(b));
  targets.sort((a, b) => INDICATORS.indexOf(a.indicator) - INDICATORS.indexOf(b.indicator));
  const generatedAt = clock().toISOString();
  return { county: { id: county.id, name: county.name }, date, generatedAt, targets, rows };
}

async function checkTown(db: Db, townId: number, countyId: number): Promise<void> {
  const town = await referencedTown(db, townId, 'townId');
  if (town.countyId !== countyId) {
    const params = { id: townId, countyId };
    throw validationError([{ path: 'townId', key: 'ledger.validation.townOtherCounty', params }]);
  }
}
