/* The collector package's public surface, for the seeds and end-to-end tests. */
export type { AppDeps, HttpConfig } from './app.ts';
export { createApp } from './app.ts';
export { loadServerConfig, loadStorageConfig } from './config.ts';
export type { ServerConfig, StorageConfig } from './config.ts';
export { migrateToLatest } from './db/migrate.ts';
export { databaseFile, openDatabase } from './db/open.ts';
export type { Listening, RunningCollector } from './main.ts';
export { listen, startCollector } from './main.ts';
