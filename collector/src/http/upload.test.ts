import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import type { AppEnv } from './env.ts';
import { errorHandler } from './error-handler.ts';
import { readUpload } from './upload.ts';

function app() {
  const a = new Hono<AppEnv>();
  a.use(requestId());
  a.post('/upload', async (c) => c.json({ bytes: (await readUpload(c)).length }));
  a.onError(errorHandler(silentLogger));
  return a;
}

describe('readUpload', () => {
  it('answers a torn multipart body with 400 naming the file field, not a 500', async () => {
    const res = await app().request('/upload', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'accept-language': 'en' },
      body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nno closing boundary',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string; message: string }[] } };
    expect(body.error.details[0]?.path).toBe('file');
    expect(body.error.details[0]?.message).toContain('multipart');
  });

  it('reads the file field of a well-formed form', async () => {
    const form = new FormData();
    form.append('file', new Blob(['a,b\n1,2\n']), 'places.csv');
    const res = await app().request('/upload', { method: 'POST', body: form });
    expect(await res.json()).toEqual({ bytes: 8 });
  });
});
