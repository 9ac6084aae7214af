import type { RequestIdVariables } from 'hono/request-id';
import type { Principal } from './principal.ts';

/** The Hono environment shared by the app and every feature's sub-app. */
export interface AppEnv {
  Variables: RequestIdVariables & {
    /** Who is calling (http/principal.ts); undefined when nobody is signed in. */
    principal: Principal | undefined;
    /** XIAOWANG_SECURE_COOKIES, set with the principal so session-cookie.ts needs no config. */
    secureCookies: boolean;
  };
}
