import type { Context, ErrorHandler } from 'hono';
import { AppError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { Logger } from '../logger.ts';
import { LoginRequired } from './guard.ts';
import { html } from './html.ts';
import { layout, notice } from './layout.ts';
import { pageOf } from './page.ts';

/**
 * Pages answer errors as pages: the message in the reader's language with what to do, the
 * status the API would give, and a request id to quote. Nothing about the error's internals.
 */
export function webErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return async (error, c) => {
    if (error instanceof LoginRequired) {
      return c.redirect(`/login?next=${encodeURIComponent(error.next)}`, 303);
    }
    if (error instanceof AppError) return errorPage(c, error.status, error);
    logger.error('web.unhandled', {
      requestId: c.get('requestId'),
      error: error instanceof Error ? error.message : String(error),
    });
    return errorPage(c, 500, undefined);
  };
}

/** A page that does not exist, answered as a page (the API keeps its JSON 404). */
export const webNotFound = (c: Context<AppEnv>) =>
  errorPage(c, 404, new AppError('NOT_FOUND', 'web.error.pageNotFound'));

async function errorPage(c: Context<AppEnv>, status: number, error: AppError | undefined) {
  const p = pageOf(c);
  const message = error === undefined ? p.t('web.error.internal') : p.t(error.key, error.params);
  const items = (error?.details ?? []).map((d) =>
    d.path === '' ? p.t(d.key, d.params) : `${d.path}: ${p.t(d.key, d.params)}`,
  );
  const body = html`<h1>
      ${p.t(`web.error.title.${status === 403 ? 403 : status === 404 ? 404 : status >= 500 ? 500 : 400}`)}
    </h1>
    ${notice('error', message, items)}
    <p class="muted">${p.t('web.error.requestId', { id: c.get('requestId') ?? '' })}</p>
    <p><a href="/">${p.t('web.error.home')}</a></p>`;
  return c.html(await layout(p, { title: p.t('web.error.title.400'), body }), status as 400);
}
