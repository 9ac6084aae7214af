import { Hono } from 'hono';
import { actorOf } from '../../audit/audit.ts';
import type { FeatureDeps } from '../../context.ts';
import type { AppEnv } from '../../http/env.ts';
import { pickLang } from '../../http/lang.ts';
import { readJson, readParams, readQuery } from '../../http/validate.ts';
import { accessGuards } from '../scope/guards.ts';
import { addRecipient } from './add-recipient.ts';
import { getDigestSettings } from './get-digest-settings.ts';
import { getDigestStatus } from './get-digest-status.ts';
import { listRecipients } from './list-recipients.ts';
import { previewDigest } from './preview-digest.ts';
import { removeRecipient } from './remove-recipient.ts';
import * as s from './schema.ts';
import { updateDigestSettings } from './update-digest-settings.ts';

export type DigestDeps = FeatureDeps;

/**
 * The nightly mail under /api/v1/counties/:id/digest: its administrator manages recipients and
 * the send time; its readers see the status and a preview.
 */
export function digestRoutes({ db, clock }: DigestDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = accessGuards(db);
  const base = '/counties/:id/digest';

  app.get(`${base}/recipients`, async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.adminCounty(c, id);
    return c.json({ items: await listRecipients({ db, input: { countyId: id } }) });
  });
  app.post(`${base}/recipients`, async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.adminCounty(c, id);
    const input = { ...(await readJson(c, s.addRecipientInput)), countyId: id };
    return c.json(await addRecipient({ db, clock, actor: actorOf(c), input }), 201);
  });
  app.delete(`${base}/recipients/:recipientId`, async (c) => {
    const { id, recipientId } = readParams(c, s.recipientParams);
    guard.adminCounty(c, id);
    const input = { countyId: id, recipientId };
    return c.json(await removeRecipient({ db, clock, actor: actorOf(c), input }));
  });

  app.get(`${base}/settings`, async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.readCounty(c, id);
    return c.json(await getDigestSettings({ db, input: { countyId: id } }));
  });
  app.put(`${base}/settings`, async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.adminCounty(c, id);
    const input = { countyId: id, settings: await readJson(c, s.settingsInput) };
    return c.json(await updateDigestSettings({ db, clock, actor: actorOf(c), input }));
  });

  app.get(`${base}/status`, async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.readCounty(c, id);
    return c.json(await getDigestStatus({ db, clock, input: { countyId: id } }));
  });
  app.get(`${base}/preview`, async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.readCounty(c, id);
    const query = readQuery(c, s.previewQuery);
    const lang = query.lang ?? pickLang(c.req.header('accept-language'));
    return c.json(await previewDigest({ db, clock, input: { ...query, countyId: id, lang } }));
  });
  return app;
}
