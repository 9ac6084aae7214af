import type { Clock } from '../../../context.ts';
import { validationError } from '../../../errors.ts';
import { localDay } from '../../reports/local-day.ts';
import { isDay } from '../engine/local-time.ts';

/** The day asked for, or today in the county's timezone; a date that does not exist is a 400. */
export function resolveDay(date: string | undefined, clock: Clock, timeZone: string): string {
  if (date === undefined) return localDay(clock(), timeZone);
  if (!isDay(date)) {
    throw validationError([
      { path: 'date', key: 'compliance.validation.day', params: { value: date } },
    ]);
  }
  return date;
}
