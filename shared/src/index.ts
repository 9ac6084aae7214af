export * from './accepts.ts';
export * from './counter64.ts';
export * from './report.ts';
export * from './varbind.ts';
export * from './messages/index.ts';
export * from './secret.ts';
