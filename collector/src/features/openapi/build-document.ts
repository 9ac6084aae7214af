import { z } from 'zod';
import { ERROR_STATUS } from '../../errors.ts';
import type { RouteDoc } from './registry.ts';

type JsonObject = Record<string, unknown>;

const errorEnvelope = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS]),
    message: z
      .string()
      .meta({ description: 'In zh-CN or en, chosen by Accept-Language (zh-CN by default)' }),
    requestId: z.string(),
    details: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          row: z.number().int().optional(),
          column: z.string().optional(),
        }),
      )
      .optional(),
  }),
});

const schema = (s: z.ZodType, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' });

function parameters(doc: RouteDoc): JsonObject[] {
  const list: JsonObject[] = [];
  for (const [where, obj] of [
    ['path', doc.params],
    ['query', doc.query],
  ] as const) {
    if (obj === undefined) continue;
    for (const [name, field] of Object.entries<z.ZodType>(obj.shape)) {
      const required = where === 'path' || !field.safeParse(undefined).success;
      list.push({ name, in: where, required, schema: schema(field, 'input') });
    }
  }
  return list;
}

const ACCESS_BY_ROLE =
  'The admin token may do everything. With a session: county_admin administers its county, county_viewer reads it, technician reads and manages (uplinks, AP rooms) its own schools; anything else is 403.';

function operation(doc: RouteDoc): JsonObject {
  const op: JsonObject = {
    summary: doc.summary,
    tags: [doc.tag],
    parameters: parameters(doc),
    responses: {
      [String(doc.response.status)]: {
        description: 'OK',
        content: { 'application/json': { schema: schema(doc.response.schema, 'output') } },
      },
      default: { $ref: '#/components/responses/Error' },
    },
  };
  if (doc.auth === 'admin') {
    op['security'] = [{ adminToken: [] }, { sessionCookie: [] }];
    op['description'] = ACCESS_BY_ROLE;
  }
  if (doc.auth === 'token') op['security'] = [{ adminToken: [] }];
  if (doc.auth === 'session') op['security'] = [{ sessionCookie: [] }];
  if (doc.auth === 'agent') op['security'] = [{ agentToken: [] }];
  if (doc.body !== undefined) {
    const content =
      'files' in doc.body
        ? Object.fromEntries(
            doc.body.files.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
          )
        : { 'application/json': { schema: schema(doc.body, 'input') } };
    op['requestBody'] = { required: true, content };
  }
  return op;
}

/** Builds the OpenAPI 3.1 document (JSON Schema 2020-12) from the routes' zod schemas. */
export function buildOpenApiDocument(docs: readonly RouteDoc[]): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const doc of docs) {
    paths[doc.path] = { ...paths[doc.path], [doc.method]: operation(doc) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'xiaowang collector API', version: '1' },
    paths,
    components: {
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'XIAOWANG_ADMIN_TOKEN' },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'xw_session',
          description:
            'Set by POST /api/v1/session; named __Host-xw_session over https. Unsafe methods also need the header x-csrf-token (or form field _csrf) with the csrfToken of the session',
        },
        agentToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The xw_… token an agent received from POST /api/v1/enroll',
        },
      },
      responses: {
        Error: {
          description: 'Every error: one envelope; see error.code',
          content: { 'application/json': { schema: schema(errorEnvelope, 'output') } },
        },
      },
    },
  };
}
