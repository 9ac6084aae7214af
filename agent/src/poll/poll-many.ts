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
 * one delays only itself; results come back in the order of `targets`. `each` turns a
 * result into what is kept of it as soon as that device is done, so a cycle over many
 * devices need not hold every result whole until the last one answers.
 */
export async function pollDevices<T = DeviceResult>(
  targets: readonly DeviceTarget[],
  options: PollManyOptions = {},
  each: (result: DeviceResult) => T = (result) => result as T,
): Promise<T[]> {
  const queue = new PQueue({
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
  });
  return Promise.all(
    targets.map((target) => queue.add(async () => each(await pollDevice(target, options)))),
  );
}
