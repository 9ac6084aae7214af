import type { RequestIdVariables } from 'hono/request-id';

/** The Hono environment shared by the app and every feature's sub-app. */
export interface AppEnv {
  Variables: RequestIdVariables;
}
