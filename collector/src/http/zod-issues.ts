import type { MessageKey, MessageParams } from '@xiaowang/shared';
import { en } from '@xiaowang/shared';
import type { z } from 'zod';
import type { ErrorDetail } from '../errors.ts';

type Issue = z.core.$ZodIssue;

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

/**
 * Turns zod issues into one detail per bad field, each a catalogue key. A schema may set its
 * own message to a catalogue key (`{ message: 'api.validation.schoolCode' }`); that wins.
 * Parse with `reportInput: true` so a missing field can be told from a wrong one.
 */
export function issuesToDetails(issues: readonly Issue[]): ErrorDetail[] {
  return issues.flatMap((issue): ErrorDetail[] => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((field): ErrorDetail => ({
        path: path === '' ? field : `${path}.${field}`,
        key: 'api.validation.unknownField',
      }));
    }
    const { key, params } = describeIssue(issue);
    return [params === undefined ? { path, key } : { path, key, params }];
  });
}

export function describeIssue(issue: Issue): { key: MessageKey; params?: MessageParams } {
  if (isMessageKey(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { key: 'api.validation.required' };
      return describeExpected(issue.expected);
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { key: 'api.validation.blank' }
          : { key: 'api.validation.tooShort', params: { minimum: Number(issue.minimum) } };
      }
      return {
        key: issue.inclusive === false ? 'api.validation.mustExceed' : 'api.validation.tooSmall',
        params: { minimum: Number(issue.minimum) },
      };
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'api.validation.tooLong', params: { maximum: Number(issue.maximum) } }
        : { key: 'api.validation.tooBig', params: { maximum: Number(issue.maximum) } };
    case 'invalid_value':
      return {
        key: 'api.validation.oneOf',
        params: { values: issue.values.map(String).join(', ') },
      };
    case 'invalid_format':
      return { key: 'api.validation.format', params: { format: issue.format } };
    default:
      return { key: 'api.validation.invalid' };
  }
}

function describeExpected(expected: string): { key: MessageKey; params?: MessageParams } {
  switch (expected) {
    case 'string':
      return { key: 'api.validation.expectedString' };
    case 'number':
      return { key: 'api.validation.expectedNumber' };
    case 'int':
      return { key: 'api.validation.expectedInteger' };
    case 'boolean':
      return { key: 'api.validation.expectedBoolean' };
    case 'object':
      return { key: 'api.validation.expectedObject' };
    default:
      return { key: 'api.validation.expectedType', params: { expected } };
  }
}
