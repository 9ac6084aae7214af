/*
 * The agent's runtime as the demo uses it, in one place: the demo runs real agents
 * in-process (config file, enroll command, poll loop, spool, reporter), so it reaches past
 * the agent package's public surface on purpose. Only the demo may import these paths.
 */
export { runEnroll } from '../../../../agent/src/cli/enroll.ts';
export { loadConfig } from '../../../../agent/src/config/load-config.ts';
export type { LoadedConfig } from '../../../../agent/src/config/load-config.ts';
export { readConfigJson, writeConfigFile } from '../../../../agent/src/config/write-config.ts';
export { probeHostIpv6 } from '../../../../agent/src/host/ipv6-probes.ts';
export type { ProbeHostIpv6Options } from '../../../../agent/src/host/ipv6-probes.ts';
export { pollDevices } from '../../../../agent/src/poll/poll-many.ts';
export type { DeviceTarget } from '../../../../agent/src/poll/poll-device.ts';
export { AGENT_VERSION } from '../../../../agent/src/report/build-report.ts';
export { startAgentLoop } from '../../../../agent/src/runtime/agent-loop.ts';
export type { AgentLoop } from '../../../../agent/src/runtime/agent-loop.ts';
export { stateFile, writeState } from '../../../../agent/src/runtime/agent-state.ts';
export { createBackoff } from '../../../../agent/src/runtime/backoff.ts';
export { jsonLog } from '../../../../agent/src/runtime/log.ts';
export type { Log } from '../../../../agent/src/runtime/log.ts';
export { sendReport } from '../../../../agent/src/runtime/reporter.ts';
export { queuedReport } from '../../../../agent/src/runtime/report-queue.ts';
export { gapsForReport, spoolQueue } from '../../../../agent/src/runtime/spool-queue.ts';
export { openSpool } from '../../../../agent/src/spool/spool.ts';
export type { Spool } from '../../../../agent/src/spool/spool.ts';
