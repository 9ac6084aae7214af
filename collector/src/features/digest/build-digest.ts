import type { WriteContext } from '../../context.ts';
import type { Db } from '../../db/schema.ts';
import { validationError } from '../../errors.ts';
import { addDays } from '../compliance/engine/local-time.ts';
import { getCountyCompliance } from '../compliance/read/get-county-compliance.ts';
import { getTownCompliance } from '../compliance/read/get-town-compliance.ts';
import type { IndicatorRollup } from '../compliance/read/schema.ts';
import { findSettings } from '../compliance/settings/queries.ts';
import { listCountyAps } from '../inventory/aps/list-county-aps.ts';
import { countyOrNotFound, townOrNotFound } from '../places/lookups.ts';
import type {
  DigestContent,
  DigestScope,
  IndicatorFigure,
  SchoolLine,
  StaleAgent,
} from './content.ts';
import type { SchoolDayRow } from './queries-content.ts';
import { selectAgentSchoolNames, selectSchoolDays, selectStaleAgents } from './queries-content.ts';
import { compareLines, lineKey, statusChanges } from './status-changes.ts';

/** AP names listed in a mail; the rest are counted. */
export const MAX_AP_NAMES = 20;

export interface BuildDigestInput {
  readonly countyId: number;
  /** The local day reported on. */
  readonly day: string;
  /** A town's mail instead of the county's. */
  readonly townId?: number | undefined;
}

/**
 * Everything one mail says about a county's (or a town's) day, read from the stored results:
 * the targets in force, each indicator with the change since the day before, the schools whose
 * status changed, the full list of schools failing or unknown, stale agents and stray APs.
 */
export async function buildDigest({
  db,
  clock,
  input,
}: WriteContext<BuildDigestInput>): Promise<DigestContent> {
  const county = await countyOrNotFound(db, input.countyId);
  const { day } = input;
  const previousDay = addDays(day, -1);
  let scope: DigestScope = { kind: 'county' };
  let rollups: { computedAt: string | null; indicators: readonly IndicatorRollup[] };
  if (input.townId === undefined) {
    rollups = await getCountyCompliance({ db, clock, input: { countyId: county.id, date: day } });
  } else {
    const town = await townOrNotFound(db, input.townId);
    if (town.countyId !== county.id) {
      const params = { id: town.id, countyId: county.id };
      throw validationError([{ path: 'townId', key: 'digest.validation.townOtherCounty', params }]);
    }
    scope = { kind: 'town', townId: town.id, name: town.name };
    rollups = await getTownCompliance({ db, clock, input: { townId: town.id, date: day } });
  }
  const indicators = rollups.indicators.map(toFigure);
  const inForce = new Set(indicators.filter((i) => i.target !== null).map((i) => i.indicator));

  const rows = await selectSchoolDays(db, {
    countyId: county.id,
    days: [day, previousDay],
    townId: input.townId,
  });
  const today = rows.filter((r) => r.day === day && inForce.has(r.indicator)).map(toLine);
  const before = rows.filter((r) => r.day === previousDay);
  const changes =
    before.length === 0
      ? null
      : statusChanges(
          today,
          new Map(before.map((r) => [lineKey(r.school_id, r.indicator), r.status])),
        );
  const failing = today
    .filter((l) => l.status === 'not_met' || l.status === 'unknown')
    .sort(compareLines);

  return {
    county: { id: county.id, name: county.name, timezone: county.timezone },
    scope,
    day,
    previousDay,
    computedAt: rollups.computedAt,
    indicators,
    changes,
    failing,
    staleAgents: await staleAgents(db, county.id, clock(), input.townId),
    unattributedAps: input.townId === undefined ? await strayAps(db, county.id) : null,
  };
}

function toFigure(r: IndicatorRollup): IndicatorFigure {
  const { target, rollup } = r;
  return {
    indicator: r.indicator,
    target:
      target === null
        ? null
        : {
            threshold: target.threshold,
            effectiveFrom: target.effectiveFrom,
            document: target.document,
            sourceSentence: target.sourceSentence,
          },
    rollup:
      rollup === null
        ? null
        : {
            value: rollup.value,
            numerator: rollup.numerator,
            denominator: rollup.denominator,
            schools: rollup.schools,
            met: rollup.schoolsMet,
            notMet: rollup.schoolsNotMet,
            unknown: rollup.schoolsUnknown,
          },
    change: r.change?.value ?? null,
  };
}

function toLine(r: SchoolDayRow): SchoolLine {
  return {
    schoolId: r.school_id,
    school: r.school,
    code: r.code,
    town: r.town,
    indicator: r.indicator,
    status: r.status,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    threshold: r.threshold,
    unknownReason: r.unknown_reason,
    failingSince: r.failing_since,
  };
}

/** Agents silent for longer than the county's stale window, as of now. */
async function staleAgents(
  db: Db,
  countyId: number,
  now: Date,
  townId: number | undefined,
): Promise<StaleAgent[]> {
  const { staleWindowHours } = await findSettings(db, countyId);
  const before = new Date(now.getTime() - staleWindowHours * 3_600_000).toISOString();
  const agents = await selectStaleAgents(db, { countyId, before, townId });
  const schools = await selectAgentSchoolNames(
    db,
    agents.map((a) => a.id),
  );
  return agents.map((a) => ({
    name: a.name,
    hostname: a.hostname,
    lastReportAt: a.last_report_at,
    schools: schools
      .filter((s) => s.agent_id === a.id && (townId === undefined || s.town_id === townId))
      .map((s) => s.name),
  }));
}

async function strayAps(db: Db, countyId: number) {
  const aps = await listCountyAps({ db, input: { countyId, attributed: false } });
  const names = aps.map((ap) => ap.name ?? ap.mac).sort();
  return { total: names.length, names: names.slice(0, MAX_AP_NAMES) };
}
