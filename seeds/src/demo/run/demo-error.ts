import type { MessageKey, MessageParams } from '@xiaowang/shared';

/** A problem the person running the demo can fix: a catalogue key, its parameters, an exit code. */
export class DemoError extends Error {
  override readonly name = 'DemoError';
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly exitCode: number;

  constructor(key: MessageKey, params: MessageParams, exitCode = 1) {
    super(`${key} ${JSON.stringify(params)}`);
    this.key = key;
    this.params = params;
    this.exitCode = exitCode;
  }
}
