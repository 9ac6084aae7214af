import type { DemoCounty, RoomKind, SchoolKind } from './types.ts';

const KIND_LABEL: Readonly<Record<SchoolKind, string>> = {
  middle: '中学',
  nine_year: '九年一贯制',
  central: '中心校',
  complete_primary: '完小',
  village_primary: '村小',
  teaching_point: '教学点',
  kindergarten: '幼儿园',
  other: '其他',
};

const ROOM_LABEL: Readonly<Record<RoomKind, string>> = {
  ordinary_classroom: '普通教室',
  special_classroom: '专用教室',
  office: '办公室',
};

const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The county's places as the bureau's sheet: one row per room, with the school's town,
 * code, kind and contracted line. The demo imports it through the collector's import,
 * the way a bureau loads its ledger.
 */
export function placesCsv(county: DemoCounty): string {
  const rows = [['乡镇', '学校', '学校代码', '类型', '教室', '教室类型', '合同带宽']];
  for (const s of county.schools) {
    const contracted = s.contractedMbps === null ? '' : `${s.contractedMbps}M`;
    for (const room of s.rooms) {
      rows.push([
        s.town,
        s.name,
        s.code,
        KIND_LABEL[s.kind],
        room.name,
        ROOM_LABEL[room.kind],
        contracted,
      ]);
    }
  }
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
