/** The collector's compliance feature. zh-CN first; keys and placeholders match (a test checks). */
const en = {
  'compliance.placeholder': 'unused',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'compliance.placeholder': '未使用',
};

export const complianceMessages = { en, zhCN };
