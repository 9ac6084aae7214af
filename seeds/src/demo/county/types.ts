import type { WalkAp } from '../../walks/ac-tables.ts';
import type { AcModel, DeviceModel } from '../../walks/vendors.ts';

/* The demo county as data: what the generator builds and everything else reads. */

export type SchoolKind =
  | 'middle'
  | 'nine_year'
  | 'central'
  | 'complete_primary'
  | 'village_primary'
  | 'teaching_point'
  | 'kindergarten'
  | 'other';

export type RoomKind = 'ordinary_classroom' | 'special_classroom' | 'office';

export interface DemoRoom {
  readonly name: string;
  readonly kind: RoomKind;
}

export interface DemoAp extends WalkAp {
  /** The room it was installed for; null for a corridor or hall AP. */
  readonly room: string | null;
  /** Key of the controller that lists it. */
  readonly controller: string;
}

export type DeviceRole = 'core' | 'access' | 'ac';

export interface DemoDevice {
  /** Unique in the county, e.g. `ck007-core`; also the SNMP community's stem. */
  readonly key: string;
  /** What the school calls it in the agent's config. */
  readonly name: string;
  readonly role: DeviceRole;
  readonly model: DeviceModel | AcModel;
  /** 0 for the county centre, else the school's number: places the device on loopback. */
  readonly site: number;
  /** 1.. within the site. */
  readonly unit: number;
  /** Global device number: serials and interface MACs. */
  readonly deviceNo: number;
  /** The APs it lists (controllers only). */
  readonly aps: readonly DemoAp[];
}

export interface DemoSchool {
  /** 1.. in generation order. */
  readonly no: number;
  /** School code in the bureau's sheet; also the AP group and the AP name prefix. */
  readonly code: string;
  readonly name: string;
  readonly town: string;
  readonly kind: SchoolKind;
  /** Contracted line speed the bureau enters; null when not entered. */
  readonly contractedMbps: number | null;
  readonly rooms: readonly DemoRoom[];
  readonly devices: readonly DemoDevice[];
  /** All APs serving the school, whichever controller lists them. */
  readonly aps: readonly DemoAp[];
  /** Where its APs are controlled from. */
  readonly apHome: 'own' | 'county' | 'none';
}

export interface DemoCounty {
  readonly name: string;
  readonly timezone: string;
  readonly seed: number;
  readonly towns: readonly string[];
  readonly schools: readonly DemoSchool[];
  /** The county network centre's devices: the county AC. */
  readonly centre: readonly DemoDevice[];
}

export const TEACHING_ROOM_KINDS: readonly RoomKind[] = ['ordinary_classroom', 'special_classroom'];

export function isTeachingRoom(room: DemoRoom): boolean {
  return TEACHING_ROOM_KINDS.includes(room.kind);
}
