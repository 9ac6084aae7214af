import type { MessageKey, MessageParams } from '@xiaowang/shared';

/** Exit codes; collector/README.md lists the same table. */
export const EXIT = {
  OK: 0,
  FAILED: 1,
  USAGE: 2,
  DATABASE_NEWER: 3,
  IMPORT_REJECTED: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the user can act on: a catalogue key, so it prints in the user's language. */
export class CliError extends Error {
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly exitCode: ExitCode;

  constructor(key: MessageKey, params: MessageParams = {}, exitCode: ExitCode = EXIT.USAGE) {
    super(key);
    this.name = 'CliError';
    this.key = key;
    this.params = params;
    this.exitCode = exitCode;
  }
}

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export type Env = Readonly<Record<string, string | undefined>>;
