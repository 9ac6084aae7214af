/** The collector's inventory feature. zh-CN first; keys and placeholders match (a test checks). */
const en = {
  'inventory.placeholder': 'unused',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'inventory.placeholder': '未使用',
};

export const inventoryMessages = { en, zhCN };
