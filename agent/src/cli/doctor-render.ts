import type { Lang, Message, MessageParams } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import type { CheckResult, CheckStatus } from './doctor-checks.ts';

const MARK: Readonly<Record<CheckStatus, string>> = { pass: '✓', fail: '✗', warn: '!', skip: '-' };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Parameters may hold device text or remote error text: no control characters reach a terminal. */
function cleanParams(params: MessageParams | undefined): MessageParams {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    out[name] = typeof value === 'string' ? value.replace(CONTROL, ' ') : value;
  }
  return out;
}

function say(lang: Lang, m: Message): string {
  return t(lang, m.key, cleanParams(m.params));
}

export interface DoctorSummary {
  readonly passed: number;
  readonly failed: number;
  readonly warned: number;
  readonly skipped: number;
}

export function summarise(checks: readonly CheckResult[]): DoctorSummary {
  const count = (s: CheckStatus): number => checks.filter((c) => c.status === s).length;
  return {
    passed: count('pass'),
    failed: count('fail'),
    warned: count('warn'),
    skipped: count('skip'),
  };
}

/** The checklist as the technician reads it: mark, finding, evidence, then what to do. */
export function renderDoctorText(file: string, checks: readonly CheckResult[], lang: Lang): string {
  const lines = [t(lang, 'doctor.heading', cleanParams({ file }))];
  for (const check of checks) {
    lines.push(`${MARK[check.status]} ${say(lang, check.message)}`);
    for (const detail of check.details ?? []) lines.push(`    · ${say(lang, detail)}`);
    if (check.advice !== undefined) lines.push(`    → ${say(lang, check.advice)}`);
  }
  const summary = summarise(checks);
  lines.push(
    '',
    t(lang, summary.failed > 0 ? 'doctor.summary.failed' : 'doctor.summary.ok', { ...summary }),
  );
  return lines.join('\n');
}

function jsonMessage(lang: Lang, m: Message): Record<string, unknown> {
  return { text: say(lang, m), key: m.key, params: cleanParams(m.params) };
}

/** One JSON document: every check with its translated text and its key and parameters. */
export function renderDoctorJson(file: string, checks: readonly CheckResult[], lang: Lang): string {
  const summary = summarise(checks);
  return JSON.stringify(
    {
      ok: summary.failed === 0,
      config: file,
      lang,
      summary,
      checks: checks.map((c) => ({
        id: c.id,
        status: c.status,
        message: jsonMessage(lang, c.message),
        ...(c.advice === undefined ? {} : { advice: jsonMessage(lang, c.advice) }),
        ...(c.details === undefined ? {} : { details: c.details.map((d) => say(lang, d)) }),
      })),
    },
    null,
    2,
  );
}
