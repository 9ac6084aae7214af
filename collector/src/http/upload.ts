import type { Context } from 'hono';
import { AppError, validationError } from '../errors.ts';

const RAW_TYPES = [
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel', // what Windows browsers send for .csv
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

/** The uploaded file's bytes: a raw body (CSV or XLSX) or the multipart form field `file`. */
export async function readUpload(c: Context): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'multipart/form-data') {
    let form: Awaited<ReturnType<typeof c.req.parseBody>>;
    try {
      form = await c.req.parseBody();
    } catch {
      // A boundary missing or torn is the sender's mistake, not ours: say what to send.
      throw validationError([{ path: 'file', key: 'api.error.badMultipart' }]);
    }
    const file = form['file'];
    if (!(file instanceof File))
      throw validationError([{ path: 'file', key: 'api.error.noFileField' }]);
    return new Uint8Array(await file.arrayBuffer());
  }
  if (RAW_TYPES.includes(type)) return new Uint8Array(await c.req.arrayBuffer());
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'api.error.UNSUPPORTED_MEDIA_TYPE', {
    params: { type },
  });
}
