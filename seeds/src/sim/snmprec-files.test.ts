import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSnmprecDir } from './snmprec-files.ts';

let dir = '';
afterEach(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
  dir = '';
});

describe('loadSnmprecDir', () => {
  it('maps each .snmprec file to its community, keeping plain values byte for byte', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xw-snmprec-'));
    await writeFile(
      path.join(dir, 'jetstream_ipv6+route.snmprec'),
      '1.3.6.1.2.1.1.5.0|4|caf\xe9\n1.3.6.1.2.1.1.3.0|67|100\nnot a line\n',
      'latin1',
    );
    await writeFile(path.join(dir, 'sw-2.snmprec'), '1.3.6.1.2.1.1.5.0|4x|e5ada6e6a0a1\n');
    await writeFile(path.join(dir, 'README.md'), '# not a walk\n');
    await mkdir(path.join(dir, 'nested.snmprec'));
    const walks = await loadSnmprecDir(dir);
    expect([...walks.keys()]).toEqual(['jetstream_ipv6+route', 'sw-2']);
    expect(walks.get('jetstream_ipv6+route')).toEqual([
      {
        oid: '1.3.6.1.2.1.1.5.0',
        type: 'OctetString',
        value: Uint8Array.from([0x63, 0x61, 0x66, 0xe9]),
      },
      { oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: 100 },
    ]);
    expect(walks.get('sw-2')?.[0]?.value).toEqual(Uint8Array.from(Buffer.from('学校')));
  });

  it('rejects a missing directory', async () => {
    await expect(loadSnmprecDir(path.join(tmpdir(), 'xw-does-not-exist-4242'))).rejects.toThrow();
  });
});
