import type { Insertable, Updateable } from 'kysely';
import type { DeviceResult, PollPart } from '@xiaowang/shared';
import type { Db, DeviceHistoryTable, DevicesTable } from '../../db/schema.ts';
import { keptParts } from './kept-parts.ts';
import type { DeviceRow, KnownDevice } from './queries-devices.ts';
import { insertDevice, insertDeviceHistory, updateDevice } from './queries-devices.ts';

type InventoryField = DeviceHistoryTable['field'];
type DeviceState = Updateable<DevicesTable>;
type OutcomeState = Omit<DeviceState, 'last_outcome'> & { last_outcome: 'ok' | 'error' };
type OkResult = Extract<DeviceResult, { outcome: 'ok' }>;

const INVENTORY: Record<InventoryField, PollPart> = {
  model: 'entity',
  serial: 'entity',
  firmware: 'entity',
  sys_name: 'system',
  sys_object_id: 'system',
  vendor: 'system',
};

export interface StoreDeviceInput {
  readonly agentId: number;
  readonly countyId: number;
  readonly schoolId: number | null;
  readonly reportRowId: number;
  /** What is stored for this device, if the agent reported it before. */
  readonly known: KnownDevice | undefined;
  readonly result: DeviceResult;
  /** When the agent polled the device, ISO-8601 UTC. */
  readonly sampledAt: string;
}

export interface StoredDevice {
  readonly id: number;
  /** The device was last seen after this poll: a late report must not roll its state back. */
  readonly stale: boolean;
}

/**
 * Upserts the device by (agent, address, port). An error keeps the last good inventory; a
 * part that failed keeps its fields; every inventory change is appended to device_history.
 */
export async function storeDevice(db: Db, v: StoreDeviceInput): Promise<StoredDevice> {
  const { address, port, name } = v.result.target;
  const existing = v.known?.row;
  const state: OutcomeState =
    v.result.outcome === 'ok'
      ? okState(v, v.result)
      : {
          school_id: v.schoolId,
          target_name: name,
          last_seen_at: v.sampledAt,
          last_report_id: v.reportRowId,
          last_outcome: 'error',
          last_error_code: v.result.error.code,
          last_error_message: v.result.error.message,
        };
  if (existing === undefined) {
    const id = await insertDevice(db, {
      ...state,
      county_id: v.countyId,
      agent_id: v.agentId,
      target_name: name,
      address,
      port,
      first_seen_at: v.sampledAt,
      last_seen_at: v.sampledAt,
    });
    return { id, stale: false };
  }
  if (existing.last_seen_at > v.sampledAt) return { id: existing.id, stale: true };
  await updateDevice(db, existing.id, changedColumns(existing, state));
  await insertDeviceHistory(db, inventoryChanges(existing, state, v));
  return { id: existing.id, stale: false };
}

/**
 * The columns whose value differs from what is stored. Writing a column with its own value
 * still rewrites its index entries (devices_school for school_id), a page more per commit.
 */
function changedColumns(old: DeviceRow, state: OutcomeState): DeviceState {
  const changed: Record<string, unknown> = {};
  for (const column in state) {
    const value = state[column as keyof OutcomeState];
    if (value !== undefined && value !== old[column as keyof DeviceRow]) changed[column] = value;
  }
  return changed;
}

function okState(v: StoreDeviceInput, result: OkResult): OutcomeState {
  // A part that failed or was skipped this cycle keeps its previous values.
  const failed = keptParts(result);
  const s = result.snapshot;
  const state: OutcomeState = {
    school_id: v.schoolId,
    target_name: result.target.name,
    last_seen_at: v.sampledAt,
    last_report_id: v.reportRowId,
    last_outcome: 'ok',
    last_ok_at: v.sampledAt,
    role: s.role,
    sys_up_time: s.sysUpTime,
  };
  if (!failed.has('system')) {
    state.sys_object_id = s.sysObjectID;
    state.sys_name = s.sysName;
    state.sys_descr = s.sysDescr;
    state.vendor = s.vendor;
  }
  if (!failed.has('entity')) {
    state.model = s.entity?.model ?? null;
    state.serial = s.entity?.serial ?? null;
    state.firmware = s.entity?.firmware ?? null;
  }
  if (!failed.has('routes')) {
    state.ipv6_forwarding = s.ipv6Forwarding === null ? null : s.ipv6Forwarding ? 1 : 0;
    state.ipv6_default_routes = s.ipv6DefaultRoutes?.length ?? null;
  }
  return state;
}

function inventoryChanges(
  old: DeviceRow,
  state: DeviceState,
  v: StoreDeviceInput,
): Insertable<DeviceHistoryTable>[] {
  const changes: Insertable<DeviceHistoryTable>[] = [];
  for (const field of Object.keys(INVENTORY) as InventoryField[]) {
    const next = state[field];
    if (next === undefined || next === old[field]) continue;
    changes.push({
      device_id: old.id,
      field,
      old_value: old[field],
      new_value: next,
      changed_at: v.sampledAt,
      report_id: v.reportRowId,
    });
  }
  return changes;
}
