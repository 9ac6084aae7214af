import type { MessageKey } from '@xiaowang/shared';
import type { Agent } from '../../features/agents/schema.ts';
import type { Evidence } from '../../features/compliance/read/evidence-schema.ts';
import type { SchoolCompliance } from '../../features/compliance/read/schema.ts';
import type { ApView } from '../../features/inventory/aps/schema.ts';
import type { Device, Interface } from '../../features/inventory/devices/schema.ts';
import type { UplinkSeries } from '../../features/inventory/uplinks/get-uplink-series.ts';
import type { SchoolUplinks } from '../../features/inventory/uplinks/schema.ts';
import type { Room, School } from '../../features/places/schema.ts';
import type { Html } from '../html.ts';
import { html, jsonScript } from '../html.ts';
import {
  emptyRow,
  indicatorName,
  reasonText,
  schoolValue,
  statusBadge,
  table,
  thresholdText,
} from '../components.ts';
import type { Crumb } from '../layout.ts';
import { csrfField, layout, notice } from '../layout.ts';
import type { Page } from '../page.ts';

export interface SchoolPageData {
  readonly school: School;
  readonly countyName: string;
  readonly townName: string;
  readonly canReadCounty: boolean;
  readonly canManage: boolean;
  readonly compliance: SchoolCompliance;
  readonly uplinks: SchoolUplinks;
  readonly series: UplinkSeries;
  readonly seriesDays: number;
  readonly coverage: Evidence;
  readonly aps: readonly ApView[];
  readonly rooms: readonly Room[];
  readonly devices: readonly Device[];
  /** Every port of the school's devices, for the uplink designation form. */
  readonly ports: readonly { device: Device; interfaces: readonly Interface[] }[];
  readonly agents: readonly Agent[];
  readonly flash?: Html;
}

export function schoolCrumbs(
  d: { school: School; countyName: string; townName: string; canReadCounty: boolean },
  last?: string,
): Crumb[] {
  const crumbs: Crumb[] = [];
  if (d.canReadCounty) {
    crumbs.push({ label: d.countyName, href: `/counties/${d.school.countyId}` });
    crumbs.push({ label: d.townName, href: `/towns/${d.school.townId}` });
  }
  if (last === undefined) crumbs.push({ label: d.school.name });
  else crumbs.push({ label: d.school.name, href: `/schools/${d.school.id}` }, { label: last });
  return crumbs;
}

/** One school: its figures with why, uplink, IPv6 checklist, rooms, APs, devices and agents. */
export function schoolPage(p: Page, d: SchoolPageData): Html {
  const s = d.school;
  const date = d.compliance.date;
  const body = html`
    <h1>${s.name}</h1>
    <p class="sub">
      ${p.t('web.school.sub', {
        code: s.code,
        kind: p.t(`collector.schoolKind.${s.kind}`),
        town: d.townName,
      })}${s.isTeachingPoint ? ` · ${p.t('web.teachingPoint')}` : ''}
    </p>
    <form method="get" class="actions" action="/schools/${s.id}">
      <label for="date">${p.t('web.date')}</label>
      <input type="date" id="date" name="date" value="${date}" />
      <button type="submit" class="secondary">${p.t('web.show')}</button>
    </form>
    ${d.flash ?? ''}

    <h2>${p.t('web.school.figures', { day: p.fmt.day(date) })}</h2>
    ${figures(p, d)}

    <h2 id="uplink">${p.t('web.uplink.title')}</h2>
    ${uplinkSection(p, d)}

    <h2 id="ipv6">${p.t('web.ipv6.title')}</h2>
    ${ipv6Checklist(p, d.compliance)}

    <h2 id="rooms">${p.t('web.rooms.title')}</h2>
    ${roomsSection(p, d)}

    <h2 id="aps">
      ${p.t('web.aps.title', { count: d.aps.length, online: d.aps.filter((a) => a.online === true).length })}
    </h2>
    ${apsSection(p, d)}

    <h2 id="devices">${p.t('web.devices.title')}</h2>
    ${devicesTable(p, d.devices)}

    <h2 id="agents">${p.t('web.agents.title')}</h2>
    ${agentsTable(p, d.agents)}
  `;
  return layout(p, { title: s.name, body, charts: true, crumbs: schoolCrumbs(d) });
}

function figures(p: Page, d: SchoolPageData): Html {
  const date = d.compliance.date;
  return table(
    [
      p.t('web.indicator'),
      p.t('web.status'),
      { label: p.t('web.value'), num: true },
      { label: p.t('web.threshold'), num: true },
      p.t('web.reason'),
      p.t('web.failingSince'),
      p.t('web.evidence'),
    ],
    d.compliance.indicators.map(({ indicator, result }) => {
      const link = html`<a href="/schools/${d.school.id}/evidence/${indicator}?date=${date}"
        >${p.t('web.evidence.show')}</a
      >`;
      if (result === null) {
        return html`<tr data-indicator="${indicator}">
          <td>${indicatorName(p, indicator)}</td>
          <td>${statusBadge(p, null)}</td>
          <td></td>
          <td></td>
          <td></td>
          <td></td>
          <td>${link}</td>
        </tr>`;
      }
      return html`<tr data-indicator="${indicator}">
        <td>${indicatorName(p, indicator)}</td>
        <td>${statusBadge(p, result.status)}</td>
        <td class="num">
          ${schoolValue(p, indicator, result.value)}${
            result.numerator !== null && indicator !== 'ipv6'
              ? html`<br /><span class="muted"
                    >${p.fmt.num(result.numerator, 2)} / ${p.fmt.num(result.denominator, 2)}</span
                  >`
              : ''
          }
        </td>
        <td class="num">${thresholdText(p, indicator, result.threshold)}</td>
        <td>${reasonText(p, result.unknownReason, result.lastReportAt)}</td>
        <td>${p.fmt.day(result.failingSince)}</td>
        <td>${link}</td>
      </tr>`;
    }),
    'school-figures',
  );
}

function uplinkSection(p: Page, d: SchoolPageData): Html {
  const u = d.uplinks;
  const rows = u.uplinks.map(
    (l) =>
      html`<tr>
        <td class="device-text">${l.deviceName ?? `#${l.deviceId}`}</td>
        <td class="device-text">${l.port?.ifName ?? l.port?.ifDescr ?? `ifIndex ${l.ifIndex}`}</td>
        <td class="device-text">${l.port?.ifAlias ?? ''}</td>
        <td class="num">${p.fmt.mbps(l.port?.speedMbps)}</td>
        <td>${l.port?.operStatus ?? '—'}</td>
        <td>
          ${p.t(`web.uplink.how.${l.how}`)}${
            l.evidence === null
              ? ''
              : html`<br /><span class="device-text muted">${l.evidence}</span>`
          }${l.designatedBy === null ? '' : html`<br /><span class="muted">${p.t('web.uplink.by', { who: l.designatedBy, at: p.fmt.dateTime(l.designatedAt) })}</span>`}
        </td>
      </tr>`,
  );
  const contracted = d.series.contractedEgressMbps;
  const lines = [
    ...d.series.ports
      .filter((port) => port.speedMbps !== null)
      .map((port) => ({
        name: p.t('web.uplink.portSpeed', { speed: p.fmt.mbps(port.speedMbps) }),
        bps: (port.speedMbps ?? 0) * 1e6,
      })),
    ...(contracted === null
      ? []
      : [
          {
            name: p.t('web.uplink.contracted', { speed: p.fmt.mbps(contracted) }),
            bps: contracted * 1e6,
          },
        ]),
  ];
  const chartData = {
    lines,
    series: d.series.ports.flatMap((port) => {
      const label = port.label ?? `ifIndex ${port.ifIndex}`;
      return [
        { name: `${label} ${p.t('web.uplink.in')}`, points: port.points.map((x) => [x[0], x[1]]) },
        { name: `${label} ${p.t('web.uplink.out')}`, points: port.points.map((x) => [x[0], x[2]]) },
      ];
    }),
  };
  const points = d.series.ports.reduce((n, port) => n + port.points.length, 0);
  return html`
    <p class="muted">${p.t(`web.uplink.source.${u.source}`)}</p>
    ${table(
      [
        p.t('web.device'),
        p.t('web.port'),
        p.t('web.ifAlias'),
        { label: p.t('web.speed'), num: true },
        p.t('web.operStatus'),
        p.t('web.uplink.howTitle'),
      ],
      rows.length === 0 ? [emptyRow(p, 6, 'web.uplink.none')] : rows,
      'uplinks',
    )}
    <div class="card">
      <h3>${p.t('web.uplink.chart', { days: d.seriesDays })}</h3>
      ${
        points === 0
          ? html`<p class="muted">${p.t('web.uplink.noSamples')}</p>`
          : html`<div
                class="chart"
                data-chart="utilisation"
                data-source="uplink-data"
                role="img"
                aria-label="${p.t('web.uplink.chart', { days: d.seriesDays })}"
              ></div>
              ${jsonScript('uplink-data', chartData)}`
      }
    </div>
    ${d.canManage ? designateForm(p, d) : ''}
  `;
}

function designateForm(p: Page, d: SchoolPageData): Html {
  // The port in use, designated or inferred, is preselected: confirming it is one click.
  const inUse = new Set(d.uplinks.uplinks.map((u) => `${u.deviceId}:${u.ifIndex}`));
  const designated = d.uplinks.uplinks.some((u) => u.how === 'designated');
  return html`<form
      method="post"
      action="/schools/${d.school.id}/uplink"
      class="card"
      data-testid="designate-uplink"
    >
      <h3>${p.t('web.uplink.designate')}</h3>
      <p class="muted">${p.t('web.uplink.designateHelp')}</p>
      ${csrfField(p)}
      <div class="form-row">
        <div>
          <label for="uplink-port">${p.t('web.port')}</label>
          <select id="uplink-port" name="port" required>
            ${d.ports.map(
              ({ device, interfaces }) =>
                html`<optgroup label="${device.sysName ?? device.targetName}">
                  ${interfaces.map(
                    (i) =>
                      html`<option
                        value="${device.id}:${i.ifIndex}"
                        ${inUse.has(`${device.id}:${i.ifIndex}`) ? 'selected' : ''}
                      >
                        ${i.ifName ?? i.ifDescr ?? i.ifIndex}${i.ifAlias ? ` (${i.ifAlias})` : ''} ·
                        ${p.fmt.mbps(i.speedMbps)}
                      </option>`,
                  )}
                </optgroup>`,
            )}
          </select>
        </div>
        <div>
          <label for="uplink-note">${p.t('web.note')}</label>
          <input id="uplink-note" name="note" maxlength="200" />
        </div>
        <div><button type="submit">${p.t('web.uplink.designateButton')}</button></div>
      </div>
    </form>
    ${
      designated
        ? html`<form
            method="post"
            action="/schools/${d.school.id}/uplink/clear"
            class="actions"
            data-confirm="${p.t('web.uplink.clearConfirm')}"
          >
            ${csrfField(p)}<button type="submit" class="secondary">
              ${p.t('web.uplink.clear')}
            </button>
          </form>`
        : ''
    }`;
}

type Step = boolean | null | undefined;

const AP_HOW: Readonly<Record<NonNullable<ApView['attribution']['how']>, MessageKey>> = {
  explicit: 'web.aps.how.explicit',
  'rule:mac': 'web.aps.how.ruleMac',
  'rule:group': 'web.aps.how.ruleGroup',
  'rule:prefix': 'web.aps.how.rulePrefix',
  'agent-school': 'web.aps.how.agentSchool',
};

function ipv6Checklist(p: Page, c: SchoolCompliance): Html {
  const result = c.indicators.find((i) => i.indicator === 'ipv6')?.result ?? null;
  const details = (result?.details ?? {}) as {
    steps?: { l1?: Step; l2?: Step; l3?: Step; l4?: Step };
    level5?: string;
    https?: { succeeded?: number; attempted?: number } | null;
    httpsSuccessesRequired?: number;
    uplinkGlobalAddresses?: number;
    probesMeasuredAt?: string | null;
  };
  if (result === null) return html`<p class="muted">${p.t('web.notComputed')}</p>`;
  const steps = details.steps ?? {};
  const item = (ok: Step, key: 'l1' | 'l2' | 'l3' | 'l4') =>
    html`<li class="${ok === true ? 'pass' : ok === false ? 'fail' : 'unk'}">
      ${p.t(`web.ipv6.${key}`, {
        addresses: details.uplinkGlobalAddresses ?? 0,
        required: details.httpsSuccessesRequired ?? 0,
        succeeded: details.https?.succeeded ?? 0,
        attempted: details.https?.attempted ?? 0,
      })}
      — ${p.t(ok === true ? 'web.ipv6.pass' : ok === false ? 'web.ipv6.fail' : 'web.ipv6.untested')}
    </li>`;
  const level5 = details.level5 ?? null;
  return html`<div class="card" data-testid="ipv6-checklist">
    <p>
      ${p.t('web.ipv6.level', { level: result.value === null ? '—' : result.value })} ·
      ${statusBadge(p, result.status)}
    </p>
    <ul class="checklist">
      ${item(steps.l1, 'l1')}${item(steps.l2, 'l2')}${item(steps.l3, 'l3')}${item(steps.l4, 'l4')}
      <li
        class="${level5 === 'reached' ? 'pass' : level5 === 'no school site set' ? 'unk' : 'fail'}"
      >
        ${p.t('web.ipv6.l5')} —
        ${
          level5 === 'reached'
            ? p.t('web.ipv6.pass')
            : level5 === 'no school site set'
              ? p.t('compliance.ipv6.level5NeedsSite')
              : p.t('web.ipv6.fail')
        }
      </li>
    </ul>
    <p class="muted">
      ${p.t('web.ipv6.measuredAt', { at: p.fmt.dateTime(details.probesMeasuredAt ?? null) })}
    </p>
  </div>`;
}

function roomsSection(p: Page, d: SchoolPageData): Html {
  const byId = new Map(d.coverage.rooms.map((r) => [r.roomId, r]));
  const apName = new Map(d.aps.map((a) => [a.id, a.name ?? a.mac]));
  return table(
    [
      p.t('web.room'),
      p.t('web.rooms.kind'),
      p.t('web.rooms.coverage'),
      p.t('web.rooms.aps'),
      p.t('web.rooms.lastOnline'),
    ],
    d.rooms.length === 0
      ? [emptyRow(p, 5, 'web.rooms.none')]
      : d.rooms.map((room) => {
          const ev = byId.get(room.id);
          return html`<tr>
            <td>${room.name}</td>
            <td>${room.isTeachingRoom ? p.t('web.rooms.teaching') : p.t('web.rooms.other')}</td>
            <td>
              ${
                ev === undefined
                  ? html`<span class="muted">—</span>`
                  : html`<span class="status ${ev.covered ? 'met' : 'not_met'}"
                      >${p.t(`web.rooms.why.${ev.why}`)}</span
                    >`
              }
            </td>
            <td class="device-text">
              ${(ev?.apIds ?? []).map((id, i) => html`${i > 0 ? ', ' : ''}${apName.get(id) ?? `#${id}`}`)}
            </td>
            <td>${p.fmt.day(ev?.lastOnlineDay ?? null)}</td>
          </tr>`;
        }),
    'rooms',
  );
}

function apsSection(p: Page, d: SchoolPageData): Html {
  const teaching = d.rooms;
  return table(
    [
      p.t('web.aps.name'),
      p.t('web.aps.mac'),
      p.t('web.aps.model'),
      p.t('web.aps.group'),
      p.t('web.aps.state'),
      { label: p.t('web.aps.clients'), num: true },
      p.t('web.room'),
      p.t('web.aps.attribution'),
    ],
    d.aps.length === 0
      ? [emptyRow(p, 8, 'web.aps.none')]
      : d.aps.map(
          (ap) =>
            html`<tr data-ap="${ap.id}">
              <td class="device-text" data-testid="ap-name">${ap.name ?? '—'}</td>
              <td class="device-text">${ap.mac}</td>
              <td class="device-text">${ap.model ?? '—'}</td>
              <td class="device-text">${ap.apGroup ?? '—'}</td>
              <td>
                ${ap.online === null ? '—' : html`<span class="status ${ap.online ? 'met' : 'not_met'}">${p.t(ap.online ? 'web.aps.online' : 'web.aps.offline')}</span>`}
                ${ap.online === false && ap.lastOnlineAt !== null ? html`<br /><span class="muted">${p.t('web.aps.lastOnline', { at: p.fmt.dateTime(ap.lastOnlineAt) })}</span>` : ''}
              </td>
              <td class="num">${p.fmt.int(ap.clients)}</td>
              <td>
                ${
                  d.canManage
                    ? html`<form
                        method="post"
                        action="/schools/${d.school.id}/aps/${ap.id}/room"
                        class="inline"
                      >
                        ${csrfField(p)}
                        <select name="roomId" aria-label="${p.t('web.room')}">
                          <option value="">${p.t('web.aps.noRoom')}</option>
                          ${teaching.map((r) => html`<option value="${r.id}" ${ap.room?.id === r.id ? 'selected' : ''}>${r.name}</option>`)}
                        </select>
                        <button type="submit" class="secondary">${p.t('web.save')}</button>
                      </form>`
                    : (ap.room?.name ?? '—')
                }${ap.roomMapping.how === null ? '' : html`<br /><span class="muted">${p.t(`web.aps.roomHow.${ap.roomMapping.how}`)}</span>`}
              </td>
              <td>${ap.attribution.how === null ? '—' : p.t(AP_HOW[ap.attribution.how])}</td>
            </tr>`,
        ),
    'aps',
  );
}

export function devicesTable(p: Page, devices: readonly Device[]): Html {
  return table(
    [
      p.t('web.device'),
      p.t('web.devices.vendorModel'),
      p.t('web.devices.serial'),
      p.t('web.devices.firmware'),
      p.t('web.devices.address'),
      p.t('web.devices.lastSeen'),
      p.t('web.status'),
    ],
    devices.length === 0
      ? [emptyRow(p, 7, 'web.devices.none')]
      : devices.map(
          (dev) =>
            html`<tr>
              <td>
                <a class="device-text" href="/devices/${dev.id}"
                  >${dev.sysName ?? dev.targetName}</a
                >
              </td>
              <td class="device-text">${dev.vendor ?? '—'} ${dev.model ?? ''}</td>
              <td class="device-text">${dev.serial ?? '—'}</td>
              <td class="device-text">${dev.firmware ?? '—'}</td>
              <td class="device-text">${dev.address}:${dev.port}</td>
              <td>${p.fmt.dateTime(dev.lastSeenAt)}</td>
              <td>
                ${
                  dev.lastOutcome === 'ok'
                    ? html`<span class="status met">${p.t('web.devices.ok')}</span>`
                    : html`<span class="status not_met">${p.t('web.devices.error')}</span
                        ><br /><span class="device-text muted"
                          >${dev.lastErrorMessage ?? dev.lastErrorCode ?? ''}</span
                        >`
                }
              </td>
            </tr>`,
        ),
    'devices',
  );
}

function agentsTable(p: Page, agents: readonly Agent[]): Html {
  return table(
    [
      p.t('web.agents.name'),
      p.t('web.agents.lastReport'),
      p.t('web.agents.version'),
      p.t('web.agents.host'),
      p.t('web.status'),
    ],
    agents.length === 0
      ? [emptyRow(p, 5, 'web.agents.noneForSchool')]
      : agents.map(
          (a) =>
            html`<tr>
              <td>${a.name}</td>
              <td>
                ${a.lastReportAt === null ? p.t('web.agents.never') : p.fmt.dateTime(a.lastReportAt)}
              </td>
              <td>${a.agentVersion ?? '—'}</td>
              <td class="device-text">${a.hostname ?? '—'}</td>
              <td>
                ${a.revokedAt === null ? p.t('web.agents.active') : p.t('web.agents.revoked', { at: p.fmt.dateTime(a.revokedAt) })}
              </td>
            </tr>`,
        ),
    'agents',
  );
}

export const flashFor = (
  kind: 'ok' | 'error',
  message: string,
  items: readonly string[] = [],
): Html => notice(kind, message, items);
