import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { acceptsGzip } from './spliced-page.ts';

/*
 * The dashboard's own CSS and script, and ECharts from the installed package: read once,
 * served from memory with a content hash in the URL so browsers may keep them for a year.
 * No page loads anything from another origin. Each is also kept gzipped (ECharts goes from
 * about 1 MB to a third of that) for clients that accept it.
 */

interface Asset {
  readonly body: ArrayBuffer;
  readonly gzip: ArrayBuffer;
  readonly type: string;
  readonly hash: string;
}

const arrayBuffer = (bytes: Buffer): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

const require = createRequire(import.meta.url);

function load(file: string, type: string): Asset {
  const bytes = readFileSync(file);
  return {
    body: arrayBuffer(bytes),
    gzip: arrayBuffer(gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION })),
    type,
    hash: createHash('sha256').update(bytes).digest('hex').slice(0, 12),
  };
}

const own = (name: string) => fileURLToPath(new URL(`./assets/${name}`, import.meta.url));

const ASSETS: Readonly<Record<string, Asset>> = {
  'app.css': load(own('app.css'), 'text/css; charset=utf-8'),
  'app.js': load(own('app.js'), 'text/javascript; charset=utf-8'),
  'echarts.min.js': load(
    require.resolve('echarts/dist/echarts.min.js'),
    'text/javascript; charset=utf-8',
  ),
};

export type AssetName = keyof typeof ASSETS;

/** The URL of an asset, with its content hash so a new version is a new URL. */
export function assetUrl(name: 'app.css' | 'app.js' | 'echarts.min.js'): string {
  const asset = ASSETS[name];
  return `/assets/${name}?v=${asset?.hash ?? '0'}`;
}

export function assetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/assets/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (asset === undefined) return c.notFound();
    const gzip = acceptsGzip(c.req.header('accept-encoding'));
    // Each encoding is its own representation, so each has its own strong ETag.
    const etag = gzip ? `"${asset.hash}-gz"` : `"${asset.hash}"`;
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: etag,
      Vary: 'Accept-Encoding',
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    if (gzip) headers['Content-Encoding'] = 'gzip';
    return c.body(gzip ? asset.gzip : asset.body, 200, headers);
  });
  return app;
}
