import type { ConfigProblem, ConfigResult } from '../config.ts';

/** The configuration is wrong; main prints every problem and exits with USAGE. */
export class ConfigInvalidError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(`configuration has ${problems.length} problem(s)`);
    this.name = 'ConfigInvalidError';
    this.problems = problems;
  }
}

export function requireConfig<T>(result: ConfigResult<T>): T {
  if (!result.ok) throw new ConfigInvalidError(result.problems);
  return result.config;
}
