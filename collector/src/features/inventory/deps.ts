import type { FeatureDeps } from '../../context.ts';

export type InventoryDeps = FeatureDeps;
