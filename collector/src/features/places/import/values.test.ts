import { describe, expect, it } from 'vitest';
import { mapColumns, normaliseHeader } from './columns.ts';
import { decodeText } from './decode.ts';
import { parseMbps, parseRoomKind, parseSchoolKind } from './values.ts';

describe('cell values', () => {
  it.each([
    ['100', 100],
    ['100M', 100],
    ['1000 Mbps', 1000],
    ['1G', 1000],
    ['1,000', 1000],
    ['５００兆', 500],
    ['0', undefined],
    ['fast', undefined],
    ['1.5', undefined],
    ['-100', undefined],
  ])('bandwidth %s → %s', (text, expected) => {
    expect(parseMbps(text)).toBe(expected);
  });

  it.each([
    ['中心校', 'central'],
    ['完全小学', 'complete_primary'],
    ['Village primary school', 'village_primary'],
    ['teaching_point', 'teaching_point'],
    ['九年一贯制', 'nine_year'],
    ['大学', undefined],
  ])('school kind %s → %s', (text, expected) => {
    expect(parseSchoolKind(text)).toBe(expected);
  });

  it.each([
    ['普通教室', 'ordinary_classroom'],
    ['专用教室', 'special_classroom'],
    ['机房', 'special_classroom'],
    ['Office', 'office'],
    ['食堂', undefined],
  ])('room kind %s → %s', (text, expected) => {
    expect(parseRoomKind(text)).toBe(expected);
  });
});

describe('headers', () => {
  it('ignore full-width forms, case, spaces and a unit in brackets', () => {
    expect(normaliseHeader('合同带宽（Mbps）')).toBe('合同带宽');
    expect(normaliseHeader(' School  Code ')).toBe('schoolcode');
    expect(normaliseHeader('乡镇/学区')).toBe('乡镇学区');
  });

  it('map each field once and report a repeated column', () => {
    const header = ['学校', 'Town', '代码', '类型', '学校名称'].map((text, index) => ({
      text,
      index,
    }));
    const { columns, errors } = mapColumns(header);
    expect(columns.school).toEqual({ index: 0, header: '学校' });
    expect(columns.town?.index).toBe(1);
    expect(errors).toEqual([
      expect.objectContaining({ row: 1, column: '学校名称', key: 'import.error.repeatedColumn' }),
    ]);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 as UTF-8 and anything else as GB18030', () => {
    expect(decodeText(Buffer.from('学校,code', 'utf8'))).toEqual({
      text: '学校,code',
      encoding: 'utf-8',
    });
    expect(decodeText(new Uint8Array([0xd6, 0xd0, 0xd1, 0xa7]))).toEqual({
      text: '中学',
      encoding: 'gb18030',
    });
    expect(decodeText(Buffer.from('town,school', 'utf8')).encoding).toBe('utf-8');
  });

  it('prefers GB18030 when its bytes happen to be valid UTF-8 without Chinese', () => {
    // 学校 in GB18030 is D1A7 D0A3, which is also valid UTF-8 for "ѧУ".
    expect(decodeText(new Uint8Array([0xd1, 0xa7, 0xd0, 0xa3]))).toEqual({
      text: '学校',
      encoding: 'gb18030',
    });
  });
});
