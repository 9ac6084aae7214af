import { Hono } from 'hono';
import type { Secret } from '@xiaowang/shared';
import type { FeatureDeps } from '../../context.ts';
import { requireAdmin } from '../../http/admin-auth.ts';
import type { AppEnv } from '../../http/env.ts';
import { pickLang } from '../../http/lang.ts';
import { readQuery } from '../../http/validate.ts';
import { buildLedger } from './build-ledger.ts';
import { exportLedger } from './export-ledger.ts';
import { contentDisposition } from './file-name.ts';
import { ledgerQuery } from './schema.ts';

export interface LedgerDeps extends FeatureDeps {
  readonly adminToken: Secret;
}

/** GET /api/v1/ledger: JSON for programs, CSV or XLSX (headers in the reader's language). */
export function ledgerRoutes({ db, clock, adminToken }: LedgerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/ledger', requireAdmin(adminToken), async (c) => {
    const { format, ...query } = readQuery(c, ledgerQuery);
    if (format === 'json') return c.json(await buildLedger({ db, clock, input: query }));
    const lang = pickLang(c.req.header('accept-language'));
    const file = await exportLedger({ db, clock, input: { ...query, format, lang } });
    return c.body(file.bytes, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': contentDisposition(file.fileName, file.fallbackName),
      'Content-Language': lang,
    });
  });
  return app;
}
