import type { Evidence } from '../../features/compliance/read/evidence-schema.ts';
import type { Indicator } from '../../features/compliance/indicators.ts';
import type { School } from '../../features/places/schema.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import {
  emptyRow,
  indicatorName,
  reasonText,
  schoolValue,
  statusBadge,
  table,
} from '../components.ts';
import { layout } from '../layout.ts';
import type { Page } from '../page.ts';
import { schoolCrumbs } from './school.ts';

/** Everything behind one figure: reports, devices, ports, APs, rooms and the OIDs read. */
export function evidencePage(
  p: Page,
  d: {
    school: School;
    countyName: string;
    townName: string;
    canReadCounty: boolean;
    indicator: Indicator;
    evidence: Evidence;
  },
): Html {
  const e = d.evidence;
  const name = indicatorName(p, d.indicator);
  const figure = (f: Evidence['recomputed'] | NonNullable<Evidence['stored']>) =>
    html`${statusBadge(p, f.status)}
    ${schoolValue(p, d.indicator, f.value)}${
      f.numerator === null
        ? ''
        : html` (${p.fmt.num(f.numerator, 2)} / ${p.fmt.num(f.denominator, 2)})`
    }
    ${reasonText(p, f.unknownReason, e.freshness.lastReportAt)}`;
  const body = html`
    <h1>${p.t('web.evidence.title', { indicator: name, school: d.school.name })}</h1>
    <p class="sub">
      ${p.t('web.evidence.sub', { day: p.fmt.day(e.date), at: p.fmt.dateTime(e.evaluatedAt) })}
    </p>
    <div class="card">
      <p>
        <strong>${p.t('web.evidence.stored')}</strong>
        ${e.stored === null ? p.t('web.notComputed') : figure(e.stored)}
      </p>
      <p><strong>${p.t('web.evidence.recomputed')}</strong> ${figure(e.recomputed)}</p>
      <p>
        <strong>${p.t('web.evidence.freshness')}</strong>
        ${p.t(`web.freshness.${e.freshness.state}`)} · ${p.fmt.dateTime(e.freshness.lastReportAt)}
      </p>
      ${
        e.notes.length > 0
          ? html`<ul>
              ${e.notes.map((n) => html`<li>${n}</li>`)}
            </ul>`
          : ''
      }
    </div>
    <h2>${p.t('web.evidence.reports')}</h2>
    ${table(
      ['#', p.t('web.evidence.polledAt'), p.t('web.evidence.receivedAt'), p.t('web.evidence.why')],
      e.reports.length === 0
        ? [emptyRow(p, 4)]
        : e.reports.map(
            (r) =>
              html`<tr>
                <td>${r.id}</td>
                <td>${p.fmt.dateTime(r.polledAt)}</td>
                <td>${p.fmt.dateTime(r.receivedAt)}</td>
                <td>${r.why}</td>
              </tr>`,
          ),
    )}
    <h2>${p.t('web.devices.title')}</h2>
    ${table(
      [
        p.t('web.device'),
        p.t('web.devices.vendorModel'),
        p.t('web.devices.address'),
        p.t('web.evidence.why'),
      ],
      e.devices.length === 0
        ? [emptyRow(p, 4)]
        : e.devices.map(
            (dev) =>
              html`<tr>
                <td class="device-text">
                  <a href="/devices/${dev.id}">${dev.name ?? `#${dev.id}`}</a>
                </td>
                <td class="device-text">${dev.vendor ?? ''} ${dev.model ?? ''}</td>
                <td class="device-text">${dev.address}</td>
                <td>${dev.why}</td>
              </tr>`,
          ),
    )}
    ${
      e.interfaces.length === 0
        ? ''
        : html`<h2>${p.t('web.port')}</h2>
            ${table(
              [
                p.t('web.port'),
                p.t('web.ifAlias'),
                p.t('web.uplink.howTitle'),
                { label: p.t('web.evidence.samples'), num: true },
                'IPv6',
                'OID',
              ],
              e.interfaces.map(
                (i) =>
                  html`<tr>
                    <td class="device-text">${i.ifName ?? i.ifIndex}</td>
                    <td class="device-text">${i.ifAlias ?? ''}</td>
                    <td>
                      ${i.how}${i.evidence === null ? '' : html`<br /><span class="device-text muted">${i.evidence}</span>`}
                    </td>
                    <td class="num">${p.fmt.int(i.samples)}</td>
                    <td class="device-text">${i.globalIpv6.join(', ')}</td>
                    <td class="device-text">
                      ${i.oids.map((o) => html`${o.name} ${o.oid}<br />`)}
                    </td>
                  </tr>`,
              ),
            )}`
    }
    ${
      e.aps.length === 0
        ? ''
        : html`<h2>AP</h2>
            ${table(
              [
                p.t('web.aps.name'),
                p.t('web.aps.mac'),
                p.t('web.aps.group'),
                p.t('web.aps.attribution'),
                p.t('web.room'),
                { label: p.t('web.evidence.onlineSamples'), num: true },
                p.t('web.rooms.lastOnline'),
              ],
              e.aps.map(
                (a) =>
                  html`<tr>
                    <td class="device-text">${a.name ?? '—'}</td>
                    <td class="device-text">${a.mac}</td>
                    <td class="device-text">${a.apGroup ?? ''}</td>
                    <td>${a.attributedBy ?? '—'}</td>
                    <td>${a.roomId ?? '—'} ${a.roomBy ?? a.roomMiss ?? ''}</td>
                    <td class="num">${a.windowOnlineSamples} / ${a.windowSamples}</td>
                    <td>${p.fmt.day(a.lastOnlineDay)}</td>
                  </tr>`,
              ),
            )}`
    }
    ${
      e.rooms.length === 0
        ? ''
        : html`<h2>${p.t('web.rooms.title')}</h2>
            ${table(
              [p.t('web.room'), p.t('web.rooms.coverage'), p.t('web.rooms.lastOnline')],
              e.rooms.map(
                (r) =>
                  html`<tr>
                    <td>${r.name}</td>
                    <td>${p.t(`web.rooms.why.${r.why}`)}</td>
                    <td>${p.fmt.day(r.lastOnlineDay)}</td>
                  </tr>`,
              ),
            )}`
    }
    <h2>${p.t('web.evidence.oids')}</h2>
    <ul class="device-text">
      ${e.oids.map((o) => html`<li>${o.name} — ${o.oid}</li>`)}
    </ul>
    <h2>${p.t('web.evidence.details')}</h2>
    <pre class="card device-text scroll">${JSON.stringify(e.recomputed.details, null, 2)}</pre>
  `;
  return layout(p, { title: name, body, crumbs: schoolCrumbs(d, name) });
}
