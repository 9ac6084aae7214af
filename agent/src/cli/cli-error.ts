import type { Message, MessageKey, MessageParams } from '@xiaowang/shared';

/** A mistake on the command line: carries a catalogue key so it prints in the user's language. */
export class CliError extends Error implements Message {
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly exitCode: number;

  constructor(key: MessageKey, params: MessageParams = {}, exitCode = 2) {
    super(key);
    this.name = 'CliError';
    this.key = key;
    this.params = params;
    this.exitCode = exitCode;
  }
}
