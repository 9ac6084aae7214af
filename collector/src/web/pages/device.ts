import type { DeviceDetail, DeviceHistoryEntry } from '../../features/inventory/devices/schema.ts';
import type { School } from '../../features/places/schema.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import { emptyRow, table } from '../components.ts';
import { layout } from '../layout.ts';
import type { Crumb } from '../layout.ts';
import type { Page } from '../page.ts';

/** One device: what it says it is, its ports, and how its identity changed over time. */
export function devicePage(
  p: Page,
  d: {
    device: DeviceDetail;
    history: readonly DeviceHistoryEntry[];
    school: School | null;
    crumbs: Crumb[];
  },
): Html {
  const dev = d.device;
  const name = dev.sysName ?? dev.targetName;
  const body = html`
    <h1 class="device-text">${name}</h1>
    <div class="card">
      <p>
        ${dev.vendor ?? '—'} ${dev.model ?? ''} · ${p.t('web.devices.serial')}
        <span class="device-text">${dev.serial ?? '—'}</span> · ${p.t('web.devices.firmware')}
        <span class="device-text">${dev.firmware ?? '—'}</span>
      </p>
      <p class="device-text muted">${dev.sysDescr ?? ''}</p>
      <p>
        ${p.t('web.devices.address')} <span class="device-text">${dev.address}:${dev.port}</span> ·
        ${p.t('web.devices.lastSeen')} ${p.fmt.dateTime(dev.lastSeenAt)}
      </p>
    </div>
    <h2>${p.t('web.device.ports', { count: dev.interfaces.length })}</h2>
    ${table(
      [
        'ifIndex',
        p.t('web.port'),
        p.t('web.ifAlias'),
        { label: p.t('web.speed'), num: true },
        p.t('web.operStatus'),
      ],
      dev.interfaces.length === 0
        ? [emptyRow(p, 5)]
        : dev.interfaces.map(
            (i) =>
              html`<tr>
                <td>${i.ifIndex}</td>
                <td class="device-text">${i.ifName ?? i.ifDescr ?? ''}</td>
                <td class="device-text" data-testid="if-alias">${i.ifAlias ?? ''}</td>
                <td class="num">${p.fmt.mbps(i.speedMbps)}</td>
                <td>${i.operStatus ?? '—'}</td>
              </tr>`,
          ),
      'interfaces',
    )}
    <h2>${p.t('web.device.history')}</h2>
    ${table(
      [
        p.t('web.device.changedAt'),
        p.t('web.device.field'),
        p.t('web.device.before'),
        p.t('web.device.after'),
      ],
      d.history.length === 0
        ? [emptyRow(p, 4)]
        : d.history.map(
            (h) =>
              html`<tr>
                <td>${p.fmt.dateTime(h.changedAt)}</td>
                <td>${h.field}</td>
                <td class="device-text">${h.oldValue ?? '—'}</td>
                <td class="device-text">${h.newValue ?? '—'}</td>
              </tr>`,
          ),
    )}
  `;
  return layout(p, { title: name, body, crumbs: d.crumbs });
}
