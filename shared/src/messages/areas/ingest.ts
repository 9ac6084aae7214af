/** The collector's ingest feature. zh-CN first; keys and placeholders match (a test checks). */
const en = {
  'ingest.placeholder': 'unused',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'ingest.placeholder': '未使用',
};

export const ingestMessages = { en, zhCN };
