import type { RoomKind } from '../../places/kinds.ts';
import type { ApFacts } from '../load/load-aps.ts';
import type { Evidence } from './evidence-schema.ts';

/** The school's APs as counted, and why each teaching room is covered or not. */
export function wirelessEvidence(
  aps: readonly ApFacts[],
  rooms: readonly { id: number; name: string; kind: RoomKind }[],
): Pick<Evidence, 'aps' | 'rooms'> {
  return {
    aps: aps.map((ap) => ({
      apId: ap.apId,
      name: ap.name,
      mac: ap.mac,
      serial: ap.serial,
      apGroup: ap.apGroup,
      controllerDeviceId: ap.controllerDeviceId,
      attributedBy: ap.attribution.how,
      roomId: ap.roomId,
      roomBy: ap.roomMapping.how,
      roomMiss: ap.roomMapping.miss,
      windowSamples: ap.windowSamples,
      windowOnlineSamples: ap.windowOnlineSamples,
      dayOnlineSamples: ap.dayOnlineSamples,
      lastOnlineDay: ap.lastOnlineDay,
    })),
    rooms: rooms.map((room) => {
      const mapped = aps.filter((ap) => ap.roomId === room.id);
      const online = mapped.filter((ap) => ap.windowOnlineSamples > 0);
      const lastOnlineDay = online.reduce<string | null>(
        (m, ap) =>
          ap.lastOnlineDay !== null && (m === null || ap.lastOnlineDay > m) ? ap.lastOnlineDay : m,
        null,
      );
      const why = online.length > 0 ? 'covered' : mapped.length > 0 ? 'aps-offline' : 'no-ap';
      return {
        roomId: room.id,
        name: room.name,
        kind: room.kind,
        covered: why === 'covered',
        why,
        apIds: mapped.map((ap) => ap.apId),
        lastOnlineDay,
      };
    }),
  };
}
