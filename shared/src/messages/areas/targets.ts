/** The collector's targets feature. zh-CN first; keys and placeholders match (a test checks). */
const en = {
  'targets.placeholder': 'unused',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'targets.placeholder': '未使用',
};

export const targetsMessages = { en, zhCN };
