/*
 * The collector as the demo uses it, in one place: the demo runs the real collector
 * in-process and calls a few verbs that have no HTTP route (recompute for back-filled days,
 * user accounts), so it reaches past the package's public surface on purpose.
 */
export { loadServerConfig } from '../../../../collector/src/config.ts';
export type { ServerConfig } from '../../../../collector/src/config.ts';
export { createLogger } from '../../../../collector/src/logger.ts';
export type { Logger } from '../../../../collector/src/logger.ts';
export { startCollector } from '../../../../collector/src/main.ts';
export type { RunningCollector } from '../../../../collector/src/main.ts';
export { recomputeDay } from '../../../../collector/src/features/compliance/recompute-day.ts';
export { createUser } from '../../../../collector/src/features/users/create-user.ts';
