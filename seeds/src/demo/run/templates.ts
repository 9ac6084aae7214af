import type { DeviceResult } from '@xiaowang/shared';
import type { DemoAgent } from '../agents/demo-agents.ts';
import type { DeviceFarm } from '../sim/device-farm.ts';
import type { DeviceTarget } from '../wiring/agent.ts';
import { loadConfig, pollDevices } from '../wiring/agent.ts';

/**
 * Each agent's devices as its poller reads them with everything up (`nominal`) and with
 * every AP off and every uplink down (`degraded`): the back-fill builds past reports from
 * these real readings, so a vendor's way of listing an offline AP is the agent's own.
 */
export interface AgentTemplates {
  readonly targets: readonly DeviceTarget[];
  readonly nominal: readonly DeviceResult[];
  readonly degraded: readonly DeviceResult[];
}

export async function pollTemplates(
  agents: readonly DemoAgent[],
  farm: DeviceFarm,
): Promise<Map<string, AgentTemplates>> {
  const targets = new Map(agents.map((a) => [a.code, loadConfig(a.configFile).devices]));
  const all = [...targets.values()].flat();
  const read = async (mode: 'nominal' | 'degraded') => {
    farm.control.mode = mode;
    const results = await pollDevices(all, {
      concurrency: 16,
      timing: { timeoutMs: 3000, retries: 2 },
    });
    return new Map(results.map((r) => [`${r.target.address}:${r.target.port}`, r]));
  };
  try {
    const nominal = await read('nominal');
    const degraded = await read('degraded');
    const pick = (from: Map<string, DeviceResult>, list: readonly DeviceTarget[]) =>
      list.map((t) => {
        const result = from.get(`${t.host}:${t.port}`);
        if (result?.outcome !== 'ok') {
          throw new Error(`simulated device ${t.name} at ${t.host}:${t.port} did not answer`);
        }
        return result;
      });
    return new Map(
      agents.map((a) => {
        const list = targets.get(a.code) ?? [];
        return [
          a.code,
          { targets: list, nominal: pick(nominal, list), degraded: pick(degraded, list) },
        ];
      }),
    );
  } finally {
    farm.control.mode = 'live';
  }
}
