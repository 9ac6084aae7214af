export { pollDevice } from './poll/poll-device.ts';
export type { DeviceTarget, PollDeviceOptions } from './poll/poll-device.ts';
export { pollDevices } from './poll/poll-many.ts';
export { renderProbe } from './cli/render-probe.ts';
export type { SnmpCredentials } from './snmp/credentials.ts';
