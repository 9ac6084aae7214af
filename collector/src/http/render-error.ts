import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import type { Context } from 'hono';
import type { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { pickLang } from './lang.ts';

/** The one error body the API sends: `{ error: { code, message, requestId, details? } }`. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    requestId: string;
    details?: { path: string; message: string; row?: number; column?: string }[];
  };
}

export function errorBody(error: AppError, lang: Lang, requestId: string): ErrorBody {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: t(lang, error.key, { ...error.params, requestId }),
      requestId,
    },
  };
  if (error.details !== undefined && error.details.length > 0) {
    body.error.details = error.details.map((d) => ({
      path: d.path,
      message: t(lang, d.key, d.params),
      ...(d.row === undefined ? {} : { row: d.row }),
      ...(d.column === undefined ? {} : { column: d.column }),
    }));
  }
  return body;
}

export function renderError(c: Context<AppEnv>, error: AppError): Response {
  const p = c.get('principal');
  const lang = (p?.kind === 'user' ? p.lang : null) ?? pickLang(c.req.header('accept-language'));
  const requestId = c.get('requestId') ?? 'unknown';
  return c.json(errorBody(error, lang, requestId), error.status, { 'Content-Language': lang });
}
