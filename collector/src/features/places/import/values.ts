import { t } from '@xiaowang/shared';
import { ROOM_KINDS, SCHOOL_KINDS, roomKindLabel, schoolKindLabel } from '../kinds.ts';
import type { RoomKind, SchoolKind } from '../kinds.ts';

/* Cell values the bureau writes, mapped to stored values. Catalogue labels are always accepted. */

const norm = (text: string) =>
  text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');

const SCHOOL_KIND_ALIASES: Record<SchoolKind, readonly string[]> = {
  middle: ['中学', '初中', '初级中学', '高中', '完全中学', 'middle school'],
  nine_year: ['九年一贯制', '九年一贯制学校', '九年制学校'],
  central: ['中心校', '中心小学', '中心学校'],
  complete_primary: ['完小', '完全小学'],
  village_primary: ['村小', '村级小学', '村小学'],
  teaching_point: ['教学点'],
  kindergarten: ['幼儿园'],
  other: ['其他', '其它'],
};

const ROOM_KIND_ALIASES: Record<RoomKind, readonly string[]> = {
  ordinary_classroom: ['普通教室', '教室', 'classroom'],
  special_classroom: ['专用教室', '功能室', '功能教室', '实验室', '计算机教室', '机房'],
  office: ['办公室'],
  other: ['其他', '其它'],
};

function buildLookup<K extends string>(
  keys: readonly K[],
  aliases: Record<K, readonly string[]>,
  label: (key: K) => Parameters<typeof t>[1],
): Map<string, K> {
  const entries = keys.flatMap((key) =>
    [key, t('zh-CN', label(key)), t('en', label(key)), ...aliases[key]].map(
      (text) => [norm(text), key] as const,
    ),
  );
  return new Map(entries);
}

const SCHOOL_KIND_LOOKUP = buildLookup(SCHOOL_KINDS, SCHOOL_KIND_ALIASES, schoolKindLabel);
const ROOM_KIND_LOOKUP = buildLookup(ROOM_KINDS, ROOM_KIND_ALIASES, roomKindLabel);

export const parseSchoolKind = (text: string): SchoolKind | undefined =>
  SCHOOL_KIND_LOOKUP.get(norm(text));
export const parseRoomKind = (text: string): RoomKind | undefined =>
  ROOM_KIND_LOOKUP.get(norm(text));

/**
 * Bandwidth in Mbit/s: "100", "100M", "100 Mbps", "1G", "1000兆", "1,000". Returns undefined
 * when the text is not a positive whole number of Mbit/s.
 */
export function parseMbps(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(m|mb|mbps|mbit\/s|兆|g|gb|gbps|gbit\/s)?$/i.exec(
    text.normalize('NFKC').replace(/,/g, '').trim(),
  );
  if (match?.[1] === undefined) return undefined;
  const unit = (match[2] ?? 'm').toLowerCase();
  const value = Number(match[1]) * (unit.startsWith('g') ? 1000 : 1);
  return Number.isInteger(value) && value > 0 && value <= 1_000_000 ? value : undefined;
}
