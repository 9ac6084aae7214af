import type { Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { RoomKind, SchoolKind } from '../features/places/kinds.ts';
import type { Indicator, ResultStatus, UnknownReason } from '../features/compliance/indicators.ts';
import type { Role } from '../http/principal.ts';
import type { DeliveryState } from '../features/digest/states.ts';

/*
 * The tables as the query builder sees them. Column names are snake_case as in SQL;
 * timestamps are ISO-8601 text in UTC so that SQLite and PostgreSQL store them alike.
 * Add a table here in the same change as the migration that creates it.
 */

export interface CountiesTable {
  id: Generated<number>;
  name: string;
  timezone: string;
  /** Regular expression on an LLDP neighbour's sysName marking metro (城域网) devices. */
  metro_name_pattern: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export interface TownsTable {
  id: Generated<number>;
  county_id: number;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface SchoolsTable {
  id: Generated<number>;
  /** Copied from the town and tied to it by a composite foreign key, so `code` can be unique per county. */
  county_id: number;
  town_id: number;
  name: string;
  code: string;
  kind: SchoolKind;
  contracted_egress_mbps: number | null;
  created_at: string;
  updated_at: string;
}

export interface RoomsTable {
  id: Generated<number>;
  school_id: number;
  name: string;
  kind: RoomKind;
  created_at: string;
  updated_at: string;
}

export interface AgentsTable {
  id: Generated<number>;
  county_id: number;
  name: string;
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  token_hash: string;
  /** The first characters of the token, so a person can tell tokens apart. */
  token_hint: string;
  created_at: string;
  revoked_at: string | null;
  last_report_at: string | null;
  last_report_uuid: string | null;
  agent_version: string | null;
  hostname: string | null;
}

export interface AgentSchoolsTable {
  agent_id: number;
  school_id: number;
}

export interface EnrollmentCodesTable {
  id: Generated<number>;
  county_id: number;
  label: string;
  code_hash: string;
  created_at: string;
  created_by: string;
  expires_at: string;
  used_at: string | null;
  agent_id: number | null;
}

export interface EnrollmentCodeSchoolsTable {
  code_id: number;
  school_id: number;
}

export interface ReportsTable {
  id: Generated<number>;
  report_uuid: string;
  agent_id: number;
  received_at: string;
  poll_started_at: string;
  poll_finished_at: string;
  schema_version: number;
  devices_ok: number;
  devices_error: number;
  /** JSON of the report's host-level IPv6 probes, or null. */
  host_probes: string | null;
}

export interface DevicesTable {
  id: Generated<number>;
  county_id: number;
  /** Null for a county-level device (the county AC at the network centre). */
  school_id: number | null;
  agent_id: number;
  target_name: string;
  address: string;
  port: number;
  sys_object_id: string | null;
  sys_name: string | null;
  sys_descr: string | null;
  vendor: string | null;
  role: string | null;
  model: string | null;
  serial: string | null;
  firmware: string | null;
  sys_up_time: number | null;
  /** 1 true, 0 false, null unknown. */
  ipv6_forwarding: number | null;
  /** Number of IPv6 default routes; null when the route table was absent. */
  ipv6_default_routes: number | null;
  first_seen_at: string;
  last_seen_at: string;
  last_ok_at: string | null;
  last_outcome: 'ok' | 'error';
  last_error_code: string | null;
  last_error_message: string | null;
  last_report_id: number | null;
}

export interface DeviceHistoryTable {
  id: Generated<number>;
  device_id: number;
  field: 'model' | 'serial' | 'firmware' | 'sys_name' | 'sys_object_id' | 'vendor';
  old_value: string | null;
  new_value: string | null;
  changed_at: string;
  report_id: number | null;
}

export interface InterfacesTable {
  id: Generated<number>;
  device_id: number;
  if_index: number;
  if_name: string | null;
  if_descr: string | null;
  if_alias: string | null;
  if_type: number | null;
  speed_mbps: number | null;
  if_speed: number | null;
  if_high_speed: number | null;
  speed_suspect: string | null;
  admin_status: string | null;
  oper_status: string | null;
  phys_address: string | null;
  /** 1 when the octet counters are 64-bit. */
  octets_64bit: number;
  first_seen_at: string;
  last_seen_at: string;
}

export interface InterfaceSamplesTable {
  id: Generated<number>;
  interface_id: number;
  report_id: number;
  sampled_at: string;
  oper_status: string | null;
  speed_mbps: number | null;
  /** Counter64 as decimal text. */
  in_octets: string | null;
  out_octets: string | null;
  in_bps: number | null;
  out_bps: number | null;
  interval_s: number | null;
  rate_dropped: string | null;
}

export interface InterfaceDailyTable {
  interface_id: number;
  /** Local date in the county's timezone, YYYY-MM-DD. */
  day: string;
  samples: number;
  up_samples: number;
  min_speed_mbps: number | null;
  max_speed_mbps: number | null;
  max_in_bps: number | null;
  max_out_bps: number | null;
}

export interface DeviceIpv6AddressesTable {
  device_id: number;
  if_index: number;
  address: string;
  prefix_length: number | null;
  type: string;
  source: string;
  last_seen_at: string;
}

export interface LldpNeighborsTable {
  id: Generated<number>;
  device_id: number;
  local_port_num: number;
  local_if_index: number | null;
  local_port: string | null;
  remote_chassis_id: string | null;
  remote_sys_name: string | null;
  remote_port_id: string | null;
  remote_port_desc: string | null;
  remote_management_address: string | null;
  last_seen_at: string;
}

export interface ReportGapsTable {
  id: Generated<number>;
  agent_id: number;
  /** The report that told us about the gap. */
  report_id: number;
  /** The agent's id for the gap; a resend of the same gap is stored once. */
  gap_key: string;
  reason: 'max-bytes' | 'max-age' | 'missing';
  count: number;
  first_report_uuid: string;
  last_report_uuid: string;
  first_spooled_at: string;
  last_spooled_at: string;
  dropped_at: string;
}

export interface DeviceIpv6DefaultRoutesTable {
  device_id: number;
  if_index: number | null;
  next_hop: string | null;
  route_type: string | null;
  protocol: number | null;
  last_seen_at: string;
}

export interface ApsTable {
  id: Generated<number>;
  county_id: number;
  mac: string;
  serial: string | null;
  name: string | null;
  model: string | null;
  ap_group: string | null;
  controller_device_id: number;
  reported_by_agent_id: number;
  /** 1 online, 0 offline, null when the controller has no status column. */
  online: number | null;
  clients: number | null;
  first_seen_at: string;
  last_seen_at: string;
  last_online_at: string | null;
}

export interface ApDailyTable {
  ap_id: number;
  day: string;
  samples: number;
  online_samples: number;
}

export interface ApAssignmentsTable {
  ap_id: number;
  school_id: number | null;
  room_id: number | null;
  assigned_by: string;
  assigned_at: string;
}

export interface ApAttributionRulesTable {
  id: Generated<number>;
  county_id: number;
  kind: 'group' | 'prefix' | 'mac';
  pattern: string;
  school_id: number;
  created_by: string;
  created_at: string;
}

export interface ApRoomConventionsTable {
  county_id: number;
  /** A regular expression with a named group `room`, matched against AP names. */
  pattern: string;
  created_by: string;
  created_at: string;
}

export interface UplinkDesignationsTable {
  id: Generated<number>;
  school_id: number;
  device_id: number;
  if_index: number;
  designated_by: string;
  designated_at: string;
  note: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  detail: string | null;
}

export interface Database {
  counties: CountiesTable;
  towns: TownsTable;
  schools: SchoolsTable;
  rooms: RoomsTable;
  agents: AgentsTable;
  agent_schools: AgentSchoolsTable;
  enrollment_codes: EnrollmentCodesTable;
  enrollment_code_schools: EnrollmentCodeSchoolsTable;
  reports: ReportsTable;
  devices: DevicesTable;
  device_history: DeviceHistoryTable;
  interfaces: InterfacesTable;
  interface_samples: InterfaceSamplesTable;
  interface_daily: InterfaceDailyTable;
  device_ipv6_addresses: DeviceIpv6AddressesTable;
  lldp_neighbors: LldpNeighborsTable;
  aps: ApsTable;
  ap_daily: ApDailyTable;
  ap_assignments: ApAssignmentsTable;
  ap_attribution_rules: ApAttributionRulesTable;
  ap_room_conventions: ApRoomConventionsTable;
  uplink_designations: UplinkDesignationsTable;
  audit_log: AuditLogTable;
  report_gaps: ReportGapsTable;
  device_ipv6_default_routes: DeviceIpv6DefaultRoutesTable;
  targets: TargetsTable;
  target_steps: TargetStepsTable;
  school_daily_results: SchoolDailyResultsTable;
  rollup_daily_results: RollupDailyResultsTable;
  compliance_settings: ComplianceSettingsTable;
  users: UsersTable;
  user_schools: UserSchoolsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  digest_settings: DigestSettingsTable;
  digest_recipients: DigestRecipientsTable;
  digest_deliveries: DigestDeliveriesTable;
  digest_scheduler: DigestSchedulerTable;
  leases: LeasesTable;
  compliance_finalised: ComplianceFinalisedTable;
}

export interface TargetsTable {
  id: Generated<number>;
  county_id: number;
  indicator: Indicator;
  /** The preset it came from (e.g. `chengkou-room-coverage`), null when written by hand. */
  preset: string | null;
  /** The plan document, e.g. 城口县教育事业发展“十四五”规划. */
  document: string;
  /** The sentence of the plan the target comes from, quoted. */
  source_sentence: string;
  created_at: string;
  updated_at: string;
}

export interface TargetStepsTable {
  id: Generated<number>;
  target_id: number;
  /** Local date (YYYY-MM-DD) in the county's timezone from which this step is in force. */
  effective_from: string;
  /** In the indicator's unit: a fraction, Mbit/s, or an IPv6 level. */
  threshold: number;
  note: string | null;
}

export interface SchoolDailyResultsTable {
  school_id: number;
  /** Local date (YYYY-MM-DD) in the county's timezone. */
  day: string;
  indicator: Indicator;
  county_id: number;
  town_id: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  threshold: number | null;
  target_step_id: number | null;
  status: ResultStatus;
  unknown_reason: UnknownReason | null;
  failing_since: string | null;
  /** JSON: what the figure was computed from (evidence summary). */
  details: string | null;
  computed_at: string;
}

export interface RollupDailyResultsTable {
  scope: 'county' | 'town';
  scope_id: number;
  day: string;
  indicator: Indicator;
  county_id: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  threshold: number | null;
  schools: number;
  schools_met: number;
  schools_not_met: number;
  schools_unknown: number;
  teaching_points: number;
  teaching_points_met: number;
  teaching_points_not_met: number;
  teaching_points_unknown: number;
  computed_at: string;
}

/** A county's compliance settings; a county without a row uses the defaults. */
export interface ComplianceSettingsTable {
  county_id: number;
  coverage_window_days: number;
  /** Local wall-clock time, HH:MM. */
  school_hours_start: string;
  school_hours_end: string;
  uplink_required_share: number;
  late_window_minutes: number;
  stale_window_hours: number;
  ipv6_https_successes: number;
  updated_by: string;
  updated_at: string;
}

/** People who sign in to the dashboard (migration 0006). */
export interface UsersTable {
  id: Generated<number>;
  county_id: number;
  username: string;
  /** `lower(username)`: unique, and the key of the lockout state. */
  username_key: string;
  display_name: string;
  /** Self-describing KDF string (features/users/password.ts). */
  password_hash: string;
  role: Role;
  /** 1 disabled, 0 enabled. */
  disabled: Generated<number>;
  lang: 'zh-CN' | 'en' | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

/** The schools a technician looks after. */
export interface UserSchoolsTable {
  user_id: number;
  school_id: number;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's token. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end; the idle limit is counted from last_seen_at. */
  expires_at: string;
  revoked_at: string | null;
}

/** Failed sign-ins per lower-cased username, existing or not. */
export interface LoginFailuresTable {
  username_key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

/** When a county's nightly email goes out (migration 0007); no row: 07:00, on. */
export interface DigestSettingsTable {
  county_id: number;
  /** Local wall-clock time, HH:MM. */
  send_time: string;
  /** 1 on, 0 off. */
  enabled: number;
  enabled_since: string | null;
  updated_by: string;
  updated_at: string;
}

export interface DigestRecipientsTable {
  id: Generated<number>;
  county_id: number;
  /** Null: the county's mail; else that town's. */
  town_id: number | null;
  /** Lower-cased. */
  email: string;
  lang: 'zh-CN' | 'en';
  created_by: string;
  created_at: string;
}

/** One mail to one address for one county and day; UNIQUE (county_id, day, email). */
export interface DigestDeliveriesTable {
  id: Generated<number>;
  county_id: number;
  day: string;
  email: string;
  town_id: number | null;
  lang: 'zh-CN' | 'en';
  state: DeliveryState;
  attempts: Generated<number>;
  due_at: string;
  planned_at: string;
  next_attempt_at: string | null;
  claimed_by: string | null;
  claim_expires_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  sent_at: string | null;
  message_id: string | null;
}

/** One row: what the last running digest scheduler saw. */
export interface DigestSchedulerTable {
  id: number;
  instance: string;
  /** 1 when an SMTP host is configured. */
  mail_configured: number;
  seen_at: string;
}

/** Which collector instance runs a scheduled job (migration 0009); see db/leases.ts. */
export interface LeasesTable {
  name: string;
  holder: string;
  acquired_at: string;
  expires_at: string;
}

/** The last day whose compliance was finalised after 00:30 local, per county. */
export interface ComplianceFinalisedTable {
  county_id: number;
  day: string;
  finalised_at: string;
}

/** The database or an open transaction: verbs and queries accept either. */
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export type CountyRow = Selectable<CountiesTable>;
export type TownRow = Selectable<TownsTable>;
export type SchoolRow = Selectable<SchoolsTable>;
export type RoomRow = Selectable<RoomsTable>;
