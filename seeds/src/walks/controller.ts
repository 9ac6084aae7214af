import type { ApTables, WalkAp } from './ac-tables.ts';
import { apTables } from './ac-tables.ts';
import type { SwitchWalk, SwitchWalkOptions } from './switch.ts';
import { switchWalk } from './switch.ts';
import type { AcModel } from './vendors.ts';

export interface ControllerWalkOptions extends Omit<SwitchWalkOptions, 'endpointShare' | 'links'> {
  readonly model: AcModel;
  readonly aps: readonly WalkAp[];
}

export interface ControllerWalk extends SwitchWalk {
  readonly apTables: ApTables;
}

/** A wireless controller: a small switch's interfaces, its chassis, and its AP tables. */
export function controllerWalk(o: ControllerWalkOptions): ControllerWalk {
  const base = switchWalk({ ...o, endpointShare: 0 });
  const tables = apTables(o.model.vendor, o.aps);
  return { ...base, varbinds: [...base.varbinds, ...tables.varbinds], apTables: tables };
}
