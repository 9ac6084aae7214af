import type { DeviceResult } from '@xiaowang/shared';
import type { ErrorDetail } from '../../errors.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedAgent } from '../agents/authenticate-agent.ts';

const LISTED_CODES = 20;

/**
 * The school of each device, checked against the agent's schools before anything is
 * written. No code: the agent's only school, or, for a multi-school agent, a county-level
 * device (null). Any code the agent does not serve makes the whole report a 403.
 */
export function resolveDeviceSchools(
  agent: AuthenticatedAgent,
  devices: readonly DeviceResult[],
): (number | null)[] {
  const byCode = new Map(agent.schools.map((s) => [s.code, s.id]));
  const only = agent.schools.length === 1 ? (agent.schools[0]?.id ?? null) : null;
  const details: ErrorDetail[] = [];
  const ids = devices.map(({ target }, i) => {
    if (target.school === undefined) return only;
    const id = byCode.get(target.school);
    if (id !== undefined) return id;
    details.push({
      path: `devices.${i}.target.school`,
      key: 'ingest.report.schoolNotAllowed',
      params: { school: target.school, allowed: allowedCodes(agent) },
    });
    return null;
  });
  if (details.length > 0) {
    throw new AppError('FORBIDDEN', 'ingest.report.forbidden', {
      params: { count: details.length },
      details,
    });
  }
  return ids;
}

function allowedCodes(agent: AuthenticatedAgent): string {
  const codes = agent.schools.map((s) => s.code);
  const listed = codes.slice(0, LISTED_CODES).join(', ');
  return codes.length > LISTED_CODES ? `${listed}, …` : listed;
}
