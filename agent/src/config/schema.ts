import { isIP } from 'node:net';
import * as z from 'zod';

/**
 * The agent's one config file, strict: unknown keys are errors, so a typo cannot silently
 * fall back to a default. Devices name their credentials; credentials stay in this file on
 * the school's machine and never travel in a report.
 */
// Messages here are catalogue keys (shared/src/messages/areas/agent.ts), shown in the
// reader's language; zod's own messages are translated where the config is loaded.
const secretText = z.string().min(1, 'config.notEmpty').max(256);

export const v2cCredentialSchema = z.strictObject({
  version: z.literal('2c'),
  community: secretText,
});

export const v3CredentialSchema = z.strictObject({
  version: z.literal('3'),
  user: z.string().min(1).max(64),
  level: z.enum(['noAuthNoPriv', 'authNoPriv', 'authPriv']).default('authPriv'),
  authProtocol: z.enum(['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']).default('sha'),
  authKey: secretText.min(8, 'config.v3KeyLength').optional(),
  privProtocol: z.enum(['des', 'aes', 'aes256b', 'aes256r']).default('aes'),
  privKey: secretText.min(8, 'config.v3KeyLength').optional(),
  context: z.string().max(64).optional(),
});

export const credentialSchema = z.discriminatedUnion('version', [
  v2cCredentialSchema,
  v3CredentialSchema,
]);

const hostSchema = z
  .string()
  .min(1)
  .max(253)
  .refine(
    (h) => isIP(h) !== 0 || /^[a-zA-Z0-9]([a-zA-Z0-9-.]*[a-zA-Z0-9])?$/.test(h),
    'config.hostFormat',
  );

export const deviceConfigSchema = z.strictObject({
  name: z.string().min(1).max(128),
  host: hostSchema,
  port: z.number().int().min(1).max(65535).default(161),
  /** The name of an entry in `credentials`. */
  credentials: z.string().min(1),
  /** School code, only for an agent that serves several schools (county centre). */
  school: z.string().min(1).max(64).optional(),
});

const cidrSchema = z.string().regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, 'config.subnetFormat');

/**
 * Devices one agent may list, and may add by discovery. Together they stay below the
 * report contract's MAX_REPORT_DEVICES, so a cycle's report always fits one report; a
 * county larger than that runs more agents.
 */
export const MAX_CONFIGURED_DEVICES = 2000;
export const MAX_DISCOVERED_DEVICES = 1024;

export const discoverySchema = z.strictObject({
  /** Follow LLDP neighbours of the listed devices, staying inside `subnets`. */
  lldp: z.boolean().default(false),
  subnets: z.array(cidrSchema).max(64).default([]),
  /** Credentials tried on a discovered address, in order. */
  credentials: z.array(z.string().min(1)).max(8).default([]),
  maxDevices: z.number().int().min(1).max(MAX_DISCOVERED_DEVICES).default(64),
  probesPerSecond: z.number().min(0.1).max(100).default(5),
  /** Also try every address of these subnets (bounded by maxAddresses). */
  sweep: z
    .strictObject({
      subnets: z.array(cidrSchema).max(16),
      maxAddresses: z.number().int().min(1).max(4096).default(256),
    })
    .optional(),
});

export const agentConfigSchema = z
  .strictObject({
    collector: z.strictObject({
      url: z.url({ protocol: /^https?$/ }),
      token: z.string().regex(/^xw_[A-Za-z0-9_-]{20,}$/, 'config.tokenFormat'),
      timeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
    }),
    name: z.string().min(1).max(128).optional(),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
    schedule: z
      .strictObject({
        // Below 60 s is for labs and tests; real devices should not be polled that often.
        pollIntervalSeconds: z.number().int().min(1).max(86_400).default(300),
        /** Random delay before each cycle so a county's agents do not report in the same second. */
        jitterSeconds: z.number().int().min(0).max(3600).default(60),
        inventoryIntervalHours: z.number().int().min(1).max(168).default(24),
        concurrency: z.number().int().min(1).max(256).default(16),
        deviceDeadlineSeconds: z.number().int().min(5).max(3600).default(60),
        requestTimeoutMs: z.number().int().min(100).max(30_000).default(2000),
        retries: z.number().int().min(0).max(5).default(1),
      })
      .prefault({}),
    credentials: z.record(z.string().min(1).max(64), credentialSchema),
    devices: z
      .array(deviceConfigSchema)
      .max(MAX_CONFIGURED_DEVICES, 'config.tooManyDevices')
      .default([]),
    discovery: discoverySchema.prefault({}),
    spool: z
      .strictObject({
        dir: z.string().min(1).default('/var/lib/xiaowang-agent/spool'),
        maxBytes: z
          .number()
          .int()
          .min(1_048_576)
          .default(512 * 1024 * 1024),
        maxAgeDays: z.number().int().min(1).max(3650).default(45),
      })
      .prefault({}),
    ipv6: z
      .strictObject({
        enabled: z.boolean().default(true),
        /** Education sites probed over HTTPS on IPv6, after the collector. */
        targets: z
          .array(z.url({ protocol: /^https$/ }))
          .max(16)
          .default([]),
        /** A name whose AAAA record is resolved through an IPv6 resolver. */
        dnsName: z.string().max(253).default('www.edu.cn'),
        /** IPv6 resolvers to ask; empty means those in /etc/resolv.conf that are IPv6. */
        resolvers: z
          .array(z.string().refine((a) => isIP(a) === 6, 'config.ipv6Address'))
          .max(4)
          .default([]),
        /** The school's own web site, if it has one: level 5 needs AAAA and HTTPS over IPv6. */
        schoolSite: z.url({ protocol: /^https?$/ }).optional(),
        /** Level 4 needs this many successful HTTPS probes. */
        requiredSuccesses: z.number().int().min(1).max(16).default(1),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    const defined = Object.keys(config.credentials).join(', ');
    config.devices.forEach((device, i) => {
      if (!(device.credentials in config.credentials)) {
        ctx.addIssue({
          code: 'custom',
          path: ['devices', i, 'credentials'],
          message: defined === '' ? 'config.noCredentialsDefined' : 'config.noSuchCredentials',
          params: { name: device.credentials, defined },
        });
      }
    });
    config.discovery.credentials.forEach((name, i) => {
      if (!(name in config.credentials)) {
        ctx.addIssue({
          code: 'custom',
          path: ['discovery', 'credentials', i],
          message: 'config.discoveryNoSuchCredentials',
          params: { name },
        });
      }
    });
    const seen = new Map<string, number>();
    config.devices.forEach((device, i) => {
      const key = `${device.host}:${device.port}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['devices', i, 'host'],
          message: 'config.duplicateDevice',
          params: { address: key, first },
        });
      } else seen.set(key, i);
    });
    for (const [name, cred] of Object.entries(config.credentials)) {
      if (cred.version !== '3') continue;
      if (cred.level !== 'noAuthNoPriv' && cred.authKey === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['credentials', name, 'authKey'],
          message: 'config.v3NeedsAuthKey',
          params: { level: cred.level },
        });
      }
      if (cred.level === 'authPriv' && cred.privKey === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['credentials', name, 'privKey'],
          message: 'config.v3NeedsPrivKey',
        });
      }
    }
  });

export type AgentConfig = z.infer<typeof agentConfigSchema>;
export type AgentConfigInput = z.input<typeof agentConfigSchema>;
export type DeviceConfig = z.infer<typeof deviceConfigSchema>;
export type CredentialConfig = z.infer<typeof credentialSchema>;
