/** The demo's environment, read once: where its data lives and the admin token to use. */
export interface DemoEnv {
  readonly dataDir: string | undefined;
  readonly adminToken: string | undefined;
}

/** The only read of process.env in the demo; empty values count as unset. */
export function readDemoEnv(env: NodeJS.ProcessEnv = process.env): DemoEnv {
  const value = (name: string) => {
    const v = env[name];
    return v === undefined || v === '' ? undefined : v;
  };
  return { dataDir: value('XIAOWANG_DATA_DIR'), adminToken: value('XIAOWANG_ADMIN_TOKEN') };
}
