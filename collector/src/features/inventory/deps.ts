import type { FeatureDeps } from '../../context.ts';
import type { Secret } from '@xiaowang/shared';

export interface InventoryDeps extends FeatureDeps {
  readonly adminToken: Secret;
}
