import type { ErrorDetail } from '../../errors.ts';

/*
 * Administrators type regular expressions that run against device-sourced names on every
 * read. JavaScript cannot interrupt a running regex, so patterns that can backtrack
 * catastrophically are refused when written instead of timed out when used.
 */

export const MAX_PATTERN_LENGTH = 200;
/** Longer names are not matched at all; AP and system names are short in practice. */
export const MAX_MATCHED_LENGTH = 256;

export type PatternProblem =
  | { readonly kind: 'invalid'; readonly detail: string }
  | { readonly kind: 'hazard' }
  | { readonly kind: 'missing-group'; readonly group: string };

export interface PatternOptions {
  readonly flags?: string;
  /** A named group the pattern must define, e.g. `room`. */
  readonly requiredGroup?: string;
}

export function checkPattern(source: string, options: PatternOptions = {}): PatternProblem | null {
  let regex: RegExp;
  try {
    regex = new RegExp(source, options.flags);
  } catch (error) {
    return { kind: 'invalid', detail: error instanceof Error ? error.message : String(error) };
  }
  if (hasBacktrackingHazard(source)) return { kind: 'hazard' };
  const group = options.requiredGroup;
  if (group !== undefined && !definesGroup(regex, group)) return { kind: 'missing-group', group };
  return null;
}

/** The 400 detail for a rejected pattern, naming the field. */
export function patternDetail(path: string, problem: PatternProblem): ErrorDetail {
  switch (problem.kind) {
    case 'invalid':
      return { path, key: 'inventory.validation.regexInvalid', params: { detail: problem.detail } };
    case 'hazard':
      return { path, key: 'inventory.validation.regexHazard' };
    case 'missing-group':
      return { path, key: 'inventory.validation.regexNoRoomGroup' };
  }
}

function definesGroup(regex: RegExp, name: string): boolean {
  // An empty alternative always matches, and `groups` then lists every named group.
  const groups = new RegExp(`(?:${regex.source})|`, regex.flags).exec('')?.groups;
  return groups !== undefined && Object.hasOwn(groups, name);
}

interface Frame {
  /** The body holds a quantifier whose length varies (`*`, `+`, `?`, `{1,3}`). */
  varies: boolean;
  alternates: boolean;
}

const QUANTIFIER = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})/;

/**
 * True for a repeated group whose body varies in length or has alternatives (`(a+)+`,
 * `(a|ab)*`), and for back-references: the shapes behind exponential backtracking.
 * Conservative: it refuses a few safe patterns rather than let one slow pattern through.
 */
export function hasBacktrackingHazard(source: string): boolean {
  const outer: Frame[] = [];
  let body: Frame = { varies: false, alternates: false };
  let last: Frame | 'atom' | undefined;
  for (let i = 0; i < source.length;) {
    const ch = source.charAt(i);
    if (ch === '\\') {
      if (/[1-9k]/.test(source.charAt(i + 1))) return true;
      last = 'atom';
      i += 2;
    } else if (ch === '[') {
      last = 'atom';
      i = endOfClass(source, i);
    } else if (ch === '(') {
      outer.push(body);
      body = { varies: false, alternates: false };
      last = undefined;
      i += groupOpeningLength(source, i);
    } else if (ch === ')') {
      const inner = body;
      body = outer.pop() ?? { varies: false, alternates: false };
      body.varies ||= inner.varies;
      body.alternates ||= inner.alternates;
      last = inner;
      i += 1;
    } else if (ch === '|') {
      body.alternates = true;
      last = undefined;
      i += 1;
    } else {
      const q = last === undefined ? null : QUANTIFIER.exec(source.slice(i));
      if (q === null) {
        last = 'atom';
        i += 1;
        continue;
      }
      const { min, max } = bounds(q);
      if (max > 1 && last !== 'atom' && last !== undefined && (last.varies || last.alternates)) {
        return true;
      }
      if (min !== max) body.varies = true;
      last = undefined;
      i += q[0].length + (source.charAt(i + q[0].length) === '?' ? 1 : 0);
    }
  }
  return false;
}

function bounds(q: RegExpExecArray): { min: number; max: number } {
  const [, symbol, low, comma, high] = q;
  if (symbol === '*') return { min: 0, max: Infinity };
  if (symbol === '+') return { min: 1, max: Infinity };
  if (symbol === '?') return { min: 0, max: 1 };
  const min = Number(low);
  if (comma === undefined) return { min, max: min };
  return { min, max: high === undefined || high === '' ? Infinity : Number(high) };
}

function endOfClass(source: string, start: number): number {
  for (let j = start + 1; j < source.length; j += 1) {
    const ch = source.charAt(j);
    if (ch === '\\') j += 1;
    else if (ch === ']') return j + 1;
  }
  return source.length;
}

/** `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` or `(?<name>`. */
function groupOpeningLength(source: string, start: number): number {
  if (source.charAt(start + 1) !== '?') return 1;
  const kind = source.charAt(start + 2);
  if (kind !== '<') return 3;
  const next = source.charAt(start + 3);
  if (next === '=' || next === '!') return 4;
  const close = source.indexOf('>', start);
  return close === -1 ? source.length - start : close - start + 1;
}
