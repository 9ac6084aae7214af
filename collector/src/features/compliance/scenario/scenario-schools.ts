import type { SchoolSpec } from './scenario-spec.ts';
import { TOWN_A } from './scenario-town-a.ts';
import { TOWN_B } from './scenario-town-b.ts';
import { TOWN_C } from './scenario-town-c.ts';

/** The fifteen schools of the scenario county, town by town (keys A1…C5). */
export const SCHOOLS: readonly SchoolSpec[] = [...TOWN_A, ...TOWN_B, ...TOWN_C];
