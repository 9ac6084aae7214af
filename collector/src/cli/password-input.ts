import type { CliError } from './cli-error.ts';

/** Where a command reads a secret from; tests pass their own. */
export interface SecretInput {
  /** Whether a person sits at a terminal that can be asked without echo. */
  readonly isTerminal: boolean;
  /** All of standard input (a piped password). */
  readStdin(): Promise<string>;
  /** Asks on stderr and reads one line from the terminal without showing it. */
  promptHidden(prompt: string): Promise<string>;
}

/** The process's own stdin and stderr. */
export function processSecretInput(interrupted: () => CliError): SecretInput {
  return {
    isTerminal: process.stdin.isTTY,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    promptHidden: (prompt) => promptHidden(prompt, interrupted),
  };
}

/** A piped password loses one trailing line break (printf and echo both work). */
export const stripLineEnd = (text: string): string => text.replace(/\r?\n$/, '');

function promptHidden(prompt: string, interrupted: () => CliError): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value: string[] = [];
    const finish = (error?: CliError) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error === undefined) resolve(value.join(''));
      else reject(error);
    };
    function onData(chunk: string) {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(interrupted());
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value.push(ch);
      }
      return undefined;
    }
    stdin.on('data', onData);
  });
}
