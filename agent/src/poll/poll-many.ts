import PQueue from 'p-queue';
import type { DeviceResult } from '@xiaowang/shared';
import type { DeviceTarget, PollDeviceOptions } from './poll-device.ts';
import { pollDevice } from './poll-device.ts';

export interface PollManyOptions extends PollDeviceOptions {
  /** Devices polled at once; each holds one UDP socket while it is polled. */
  readonly concurrency?: number;
}

export const DEFAULT_CONCURRENCY = 16;

/**
 * Polls many devices with bounded concurrency. Each device has its own deadline, so a slow
 * one delays only itself; results come back in the order of `targets`.
 */
export async function pollDevices(
  targets: readonly DeviceTarget[],
  options: PollManyOptions = {},
): Promise<DeviceResult[]> {
  const queue = new PQueue({
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
  });
  return Promise.all(targets.map((target) => queue.add(() => pollDevice(target, options))));
}
