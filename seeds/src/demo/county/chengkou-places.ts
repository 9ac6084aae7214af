/*
 * What the demo county is modelled on: Chengkou County, Chongqing (城口县), whose
 * 14th Five-Year education plan (../shared/seeds/000_…) sets the wireless target and
 * asks for a county–town–village (县、镇、村) metro network. The county has two
 * subdistricts, ten towns and thirteen townships; the schools below are generated, not
 * real ones, and so are the village names (common ones, not Chengkou's own list).
 */

export const COUNTY_NAME = '城口县';
export const COUNTY_TIMEZONE = 'Asia/Shanghai';

export interface TownSeed {
  readonly name: string;
  /** The county seat's subdistricts hold the county's middle schools and the bureau. */
  readonly kind: 'subdistrict' | 'town' | 'township';
}

export const TOWNS: readonly TownSeed[] = [
  { name: '葛城街道', kind: 'subdistrict' },
  { name: '复兴街道', kind: 'subdistrict' },
  { name: '巴山镇', kind: 'town' },
  { name: '坪坝镇', kind: 'town' },
  { name: '庙坝镇', kind: 'town' },
  { name: '明通镇', kind: 'town' },
  { name: '修齐镇', kind: 'town' },
  { name: '高观镇', kind: 'town' },
  { name: '高燕镇', kind: 'town' },
  { name: '东安镇', kind: 'town' },
  { name: '咸宜镇', kind: 'town' },
  { name: '高楠镇', kind: 'town' },
  { name: '龙田乡', kind: 'township' },
  { name: '北屏乡', kind: 'township' },
  { name: '左岚乡', kind: 'township' },
  { name: '沿河乡', kind: 'township' },
  { name: '双河乡', kind: 'township' },
  { name: '蓼子乡', kind: 'township' },
  { name: '鸡鸣乡', kind: 'township' },
  { name: '周溪乡', kind: 'township' },
  { name: '明中乡', kind: 'township' },
  { name: '治平乡', kind: 'township' },
  { name: '岚天乡', kind: 'township' },
  { name: '厚坪乡', kind: 'township' },
  { name: '河鱼乡', kind: 'township' },
];

/** Village names for village schools and teaching points, drawn without repeats. */
export const VILLAGES: readonly string[] = [
  '红岩',
  '大坪',
  '黄溪',
  '白果',
  '青龙',
  '金竹',
  '桃园',
  '柏树',
  '松林',
  '河坝',
  '岩口',
  '田坝',
  '梨树',
  '茶园',
  '竹园',
  '干溪',
  '李坪',
  '高峰',
  '三合',
  '长坪',
  '明月',
  '兴隆',
  '太平',
  '中坝',
  '大竹',
  '木瓜',
  '新民',
  '联合',
  '和平',
  '胜利',
  '光明',
  '龙门',
  '凤凰',
  '安乐',
  '永红',
  '东风',
  '石门',
  '龙潭',
  '新华',
  '团结',
  '双溪',
  '白鹤',
  '麻柳',
  '杉树',
  '核桃',
  '枫香',
  '银杏',
  '花园',
  '马鞍',
  '狮子',
];

/** The county seat's schools, by subdistrict: the ones a county seat always has. */
export const SEAT_SCHOOLS: Readonly<Record<string, readonly [string, SeatKind][]>> = {
  葛城街道: [
    ['城口中学', 'middle'],
    ['城口县第二中学', 'middle'],
    ['城口县第一小学', 'complete_primary'],
    ['城口县第二小学', 'complete_primary'],
    ['城口县实验小学', 'complete_primary'],
    ['城口县第一幼儿园', 'kindergarten'],
    ['城口县第二幼儿园', 'kindergarten'],
    ['城口县职业教育中心', 'other'],
  ],
  复兴街道: [
    ['城口县复兴中学', 'middle'],
    ['城口县第三小学', 'complete_primary'],
    ['城口县复兴小学', 'complete_primary'],
    ['城口县第三幼儿园', 'kindergarten'],
  ],
};

type SeatKind = 'middle' | 'complete_primary' | 'kindergarten' | 'other';
