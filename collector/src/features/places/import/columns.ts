import type { ErrorDetail } from '../../../errors.ts';
import type { Table } from './read-table.ts';

export const FIELDS = [
  'town',
  'school',
  'code',
  'kind',
  'room',
  'roomKind',
  'contractedMbps',
] as const;
export type Field = (typeof FIELDS)[number];
const REQUIRED: readonly Field[] = ['town', 'school', 'code', 'kind'];

/** Header names accepted per field, compared after normalising (see normaliseHeader). */
const ALIASES: Record<Field, readonly string[]> = {
  town: [
    '乡镇',
    '乡镇/学区',
    '学区',
    '所属乡镇',
    '乡镇街道',
    'town',
    'township',
    'school district',
  ],
  school: ['学校', '学校名称', '校名', 'school', 'school name'],
  code: ['学校代码', '代码', '学校标识码', '标识码', '学校编码', 'code', 'school code'],
  kind: ['类型', '学校类型', '办学类型', 'kind', 'school kind', 'type', 'school type'],
  room: ['教室', '教室名称', '房间', 'room', 'room name'],
  roomKind: ['教室类型', '房间类型', 'room kind', 'room type'],
  contractedMbps: [
    '合同带宽',
    '合同出口带宽',
    '出口带宽',
    '签约带宽',
    'contracted mbps',
    'contracted bandwidth',
    'contracted egress mbps',
  ],
};

/** Where each field sits in the file, with the header as the bureau wrote it (for messages). */
export type ColumnMap = Partial<Record<Field, { readonly index: number; readonly header: string }>>;

/** Full-width forms, case, spaces, punctuation and a unit in brackets do not matter. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, '')
    .replace(/[\s_\-/\\]+/g, '');
}

const LOOKUP = new Map<string, Field>(
  FIELDS.flatMap((field) =>
    ALIASES[field].map((alias) => [normaliseHeader(alias), field] as const),
  ),
);

export function acceptedHeaders(field: Field): string {
  return ALIASES[field].join(' / ');
}

/** Maps the header row; every unknown, repeated or missing column is an error on row 1. */
export function mapColumns(header: Table['header']): { columns: ColumnMap; errors: ErrorDetail[] } {
  const columns: ColumnMap = {};
  const errors: ErrorDetail[] = [];
  for (const { text, index } of header) {
    const field = LOOKUP.get(normaliseHeader(text));
    const at = { path: `rows.1.${text}`, row: 1, column: text };
    if (field === undefined) {
      const accepted = FIELDS.map((f) => ALIASES[f][0]).join(', ');
      errors.push({ ...at, key: 'import.error.unknownColumn', params: { header: text, accepted } });
    } else if (columns[field] !== undefined) {
      errors.push({ ...at, key: 'import.error.repeatedColumn', params: { header: text } });
    } else {
      columns[field] = { index, header: text };
    }
  }
  for (const field of REQUIRED) {
    if (columns[field] === undefined) {
      const at = { path: `rows.1.${field}`, row: 1, column: ALIASES[field][0] ?? field };
      errors.push({
        ...at,
        key: 'import.error.missingColumn',
        params: { accepted: acceptedHeaders(field) },
      });
    }
  }
  return { columns, errors };
}
