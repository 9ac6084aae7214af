import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { readBodyText, readJsonValue } from './validate.ts';

/* readBodyText reads a fetch Request's stream itself; it must give what Request.text() gives. */

const app = new Hono();
app.post('/text', async (c) => {
  const text = await readBodyText(c);
  return c.json({ text, again: await c.req.text() });
});
app.post('/json', async (c) => c.json({ value: await readJsonValue(c) }));

const post = (path: string, body: RequestInit['body']) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('readBodyText', () => {
  it('decodes as Request.text() does: BOMs, malformed bytes, empty bodies, chunks', async () => {
    const bom = [0xef, 0xbb, 0xbf];
    const samples: Uint8Array[] = [
      new TextEncoder().encode('{"名":"城关小学"}'),
      new Uint8Array([...bom, ...new TextEncoder().encode('{"a":1}')]),
      new Uint8Array([...bom, ...bom, 0x7b, 0x7d]),
      new Uint8Array([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0x7d]),
      new Uint8Array([]),
    ];
    for (const bytes of samples) {
      const expected = await new Request('http://x/', { method: 'POST', body: bytes }).text();
      const res = await post('/text', bytes);
      expect(await res.json()).toEqual({ text: expected, again: expected });
    }
    // A body that arrives in several chunks, split inside a character.
    const whole = new TextEncoder().encode('{"名":"城关小学"}');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(whole.subarray(0, 4));
        controller.enqueue(whole.subarray(4));
        controller.close();
      },
    });
    const res = await app.request('/text', { method: 'POST', body: stream, duplex: 'half' });
    expect(await res.json()).toEqual({ text: '{"名":"城关小学"}', again: '{"名":"城关小学"}' });
  });

  it('leaves JSON parsing as it was: an empty body is {}', async () => {
    expect(await (await post('/json', '')).json()).toEqual({ value: {} });
    expect(await (await post('/json', '\ufeff{"a":[1]}')).json()).toEqual({ value: { a: [1] } });
  });
});
