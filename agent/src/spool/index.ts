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
export { bodyByteLength, bodyChunks, bodyPieces } from './body.ts';
export type { QueuedBody, ReportBody, SpooledFile } from './body.ts';
export { SpoolDraft } from './draft.ts';
export type { DraftContent } from './draft.ts';
