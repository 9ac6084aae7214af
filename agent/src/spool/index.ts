export { openSpool } from './spool.ts';
export type {
  Spool,
  SpoolGap,
  SpoolOptions,
  SpoolStats,
  SpoolableReport,
  SpooledReport,
} from './spool.ts';
export { SpoolFullError, SpoolLockedError, SpoolWriteError } from './errors.ts';
export type { SpoolFullCode } from './errors.ts';
export type { DropReason } from './gaps.ts';
export type { SpoolFile, SpoolFs } from './spool-fs.ts';
export { bodyByteLength, bodyPieces } from './body.ts';
export type { ReportBody } from './body.ts';
