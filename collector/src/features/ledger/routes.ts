import { Hono } from 'hono';
import type { FeatureDeps } from '../../context.ts';
import { assertCanReadCounty, assertSignedIn } from '../../http/access.ts';
import type { AppEnv } from '../../http/env.ts';
import { pickLang } from '../../http/lang.ts';
import { readQuery } from '../../http/validate.ts';
import { buildLedger } from './build-ledger.ts';
import { exportLedger } from './export-ledger.ts';
import { contentDisposition } from './file-name.ts';
import { ledgerQuery } from './schema.ts';

export type LedgerDeps = FeatureDeps;

/**
 * GET /api/v1/ledger: JSON for programs, CSV or XLSX (headers in the reader's language), for
 * the county's readers.
 */
export function ledgerRoutes({ db, clock }: LedgerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/ledger', async (c) => {
    assertSignedIn(c.get('principal'));
    const { format, ...query } = readQuery(c, ledgerQuery);
    assertCanReadCounty(c.get('principal'), query.countyId);
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
