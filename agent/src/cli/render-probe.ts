import type { DeviceResult, Lang, MessageKey, MessageParams } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';

const MAX_LINES = 40;

/** Device text may carry control characters (or terminal escapes); never print them raw. */
function clean(text: string | null | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (text ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function uptime(ticks: number | null, lang: Lang): string {
  if (ticks === null) return t(lang, 'probe.unknown');
  const s = Math.floor(ticks / 100);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return lang === 'en' ? `${d}d ${h}h ${m}m` : `${d}天${h}小时${m}分`;
}

/** A readable summary of one poll, in the user's language. */
export function renderProbe(result: DeviceResult, lang: Lang): string {
  const say = (key: MessageKey, params?: MessageParams): string => t(lang, key, params);
  const lines: string[] = [
    say('probe.heading', { host: result.target.address, port: result.target.port }),
  ];
  if (result.outcome === 'error') return lines.join('\n');
  const s = result.snapshot;
  const unknown = say('probe.unknown');
  lines.push(
    `  ${say('probe.sysName')}: ${clean(s.sysName) || unknown}`,
    `  ${say('probe.vendor')}: ${clean(s.vendor) || unknown} / ${s.role}`,
    `  ${say('probe.sysObjectID')}: ${s.sysObjectID ?? unknown}`,
    `  ${say('probe.sysDescr')}: ${clean(s.sysDescr) || unknown}`,
    `  ${say('probe.uptime')}: ${uptime(s.sysUpTime, lang)}`,
  );
  if (s.entity !== null) {
    lines.push(
      `  ${say('probe.entity', {
        model: clean(s.entity.model) || unknown,
        serial: clean(s.entity.serial) || unknown,
        firmware: clean(s.entity.firmware) || unknown,
      })}`,
    );
  }
  const up = s.interfaces.filter((i) => i.ifOperStatus === 'up').length;
  lines.push('', say('probe.interfaces', { count: s.interfaces.length, up }));
  for (const i of s.interfaces.slice(0, MAX_LINES)) {
    const speed = i.ifSpeedMbps === null ? '-' : `${i.ifSpeedMbps}M`;
    lines.push(
      `  ${say('probe.interfaceLine', {
        ifIndex: i.ifIndex,
        name: clean(i.ifName ?? i.ifDescr),
        oper: String(i.ifOperStatus ?? '-'),
        speed,
        alias: clean(i.ifAlias),
      })}`.trimEnd(),
    );
  }
  if (s.interfaces.length > MAX_LINES) {
    lines.push(`  ${say('probe.more', { count: s.interfaces.length - MAX_LINES })}`);
  }
  const yesNo = (v: boolean | null): string =>
    v === null ? unknown : v ? say('common.yes') : say('common.no');
  lines.push(
    '',
    say('probe.ipv6', {
      count: s.ipv6.length,
      forwarding: yesNo(s.ipv6Forwarding),
      routes: s.ipv6DefaultRoutes === null ? unknown : s.ipv6DefaultRoutes.length,
    }),
  );
  for (const a of s.ipv6.slice(0, MAX_LINES)) {
    lines.push(`  ${a.ifIndex ?? '-'} ${a.address}/${a.prefixLength ?? '?'} ${a.type}`);
  }
  if (s.apCount !== null || s.aps !== null) {
    lines.push(
      '',
      say('probe.aps', {
        count: s.apCount ?? unknown,
        online: s.apsOnline ?? unknown,
        source: s.apSource === null ? unknown : say(`probe.apSource.${s.apSource.kind}`),
      }),
    );
    for (const ap of (s.aps ?? []).slice(0, MAX_LINES)) {
      const state =
        ap.online === null ? unknown : say(ap.online ? 'probe.online' : 'probe.offline');
      lines.push(
        `  ${say('probe.apLine', {
          name: clean(ap.name) || unknown,
          mac: ap.mac ?? '-',
          model: clean(ap.model) || '-',
          state,
          clients: ap.clients ?? '-',
          group: clean(ap.apGroup) || '-',
        })}`,
      );
    }
    if ((s.aps?.length ?? 0) > MAX_LINES) {
      lines.push(`  ${say('probe.more', { count: (s.aps?.length ?? 0) - MAX_LINES })}`);
    }
  }
  lines.push('', say('probe.lldp', { count: s.lldpNeighbors.length }));
  for (const n of s.lldpNeighbors.slice(0, MAX_LINES)) {
    lines.push(
      `  ${say('probe.lldpLine', {
        localPort: clean(n.localPort) || String(n.localPortNum),
        remoteSysName: clean(n.remoteSysName) || clean(n.remoteChassisId) || unknown,
        remotePortId: clean(n.remotePortId),
      })}`,
    );
  }
  if (result.partErrors.length > 0) {
    lines.push('', say('probe.partErrors'));
    for (const e of result.partErrors) {
      lines.push(`  ${say('probe.partErrorLine', { part: e.part, message: clean(e.message) })}`);
    }
  }
  lines.push(
    '',
    say('probe.meta', { ...result.meta, durationMs: Math.round(result.meta.durationMs) }),
  );
  return lines.join('\n');
}
