import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium } from '../browser/world.ts';
import { printFigures } from './support/figures.ts';
import { addTrustUsers, signIn } from './support/trust-session.ts';
import type { TrustWorld } from './support/trust-world.ts';
import { DAY, PAYLOADS, startTrustWorld } from './support/trust-world.ts';

/*
 * Device text that carries scripts, from the SNMP responder through the real agent into the
 * dashboard's pages and the nightly mail, rendered in Debian's Chromium: nothing may run,
 * and the text must still be there, as text.
 */

let w: TrustWorld;
const figures: Record<string, number | string> = {};

interface Probe {
  readonly xss: unknown;
  readonly text: string;
  readonly elements: number;
}
/** Elements a payload would have made; pages carry chart data in JSON script blocks. */
const PAGE_INJECTED =
  'img[src="x"], svg[onload], iframe[srcdoc], script:not([src]):not([type="application/json"])';
const MAIL_INJECTED = 'img[src="x"], svg[onload], iframe[srcdoc], script';
/** Run in the page: did a payload run, what text shows, did a payload make an element. */
const probe = (selector: string) =>
  `({ xss: window.__xss ?? null, text: document.body.innerText, elements: document.querySelectorAll(${JSON.stringify(selector)}).length })`;
beforeAll(async () => {
  w = await startTrustWorld();
  await addTrustUsers(w);
}, 120_000);

afterAll(async () => {
  printFigures('trust-browser', figures);
  await w?.close();
});

describe.skipIf(!hasChromium)('device text in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('never runs in a page or the nightly mail, and shows as text', async () => {
    const s = await signIn(w, 'trust-admin');
    const context = await browser.newContext({ locale: 'zh-CN' });
    await context.addCookies([
      { name: 'xw_session', value: s.cookie.split('=')[1] ?? '', url: w.url },
    ]);
    const page = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const devices = await w.admin<unknown>('GET', `/api/v1/schools/${w.schoolA1}/devices`);
    const deviceIds =
      JSON.stringify(devices)
        .match(/"id":(\d+)/g)
        ?.map((m) => m.slice(5)) ?? [];
    const pages = [
      `/counties/${w.countyA}`,
      `/schools/${w.schoolA1}`,
      ...deviceIds.slice(0, 3).map((id) => `/devices/${id}`),
      `/schools/${w.schoolA1}/evidence/uplink_1000m?date=${DAY}`,
      `/schools/${w.schoolA1}/evidence/room_coverage?date=${DAY}`,
      `/admin/counties/${w.countyA}/enrollment`,
      `/admin/counties/${w.countyA}/ap-rules`,
    ];
    const shown = new Set<string>();
    const injected: string[] = [];
    for (const p of pages) {
      const res = await page.goto(new URL(p.slice(1), w.url).toString());
      expect(res?.status(), p).toBeLessThan(400);
      const state = await page.evaluate<Probe>(probe(PAGE_INJECTED));
      if (state.xss !== null || state.elements > 0)
        injected.push(`${p}: ${JSON.stringify(state.xss)} ${state.elements}`);
      for (const [k, v] of Object.entries(PAYLOADS)) if (state.text.includes(v)) shown.add(k);
    }

    // The nightly mail as sent: its HTML opened with scripts allowed and no CSP to help.
    const preview = await w.admin<{ html: string; text: string }>(
      'GET',
      `/api/v1/counties/${w.countyA}/digest/preview?date=${DAY}&lang=en`,
    );
    const mail = await context.newPage();
    mail.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await mail.setContent(preview.html, { waitUntil: 'load' });
    const mailState = await mail.evaluate<Probe>(probe(MAIL_INJECTED));
    if (mailState.xss !== null || mailState.elements > 0)
      injected.push(`mail: ${JSON.stringify(mailState)}`);
    const inMail = Object.entries(PAYLOADS)
      .filter(([, v]) => mailState.text.includes(v) || preview.text.includes(v))
      .map(([k]) => k);
    await context.close();

    figures['pagesRenderedInChromium'] = pages.length;
    figures['payloadKinds'] = Object.keys(PAYLOADS).length;
    figures['payloadsShownAsTextInPages'] = shown.size;
    figures['payloadsShownAsTextInMail'] = inMail.length;
    figures['scriptsRun'] = injected.length + dialogs.length;
    expect(injected).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    // The device text is there, as text: escaped, not dropped.
    expect([...shown]).toEqual(
      expect.arrayContaining(['sysName', 'sysDescr', 'ifAlias', 'apName']),
    );
    expect(inMail).toEqual(['apName']);
  }, 120_000);
});
