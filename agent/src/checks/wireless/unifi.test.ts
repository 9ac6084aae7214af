import { describe, expect, it } from 'vitest';
import { int, polled, utf8 } from './testing.ts';
import { unifiWireless } from './unifi.ts';

const UNIFI = '1.3.6.1.4.1.41112.1.6';

describe('UniFi AP', () => {
  it('is an AP: no AP count, source notApplicable, VAP rows not counted', () => {
    const ws = polled(unifiWireless.plan, [
      utf8(`${UNIFI}.1.1.1.3.1`, 'ng'),
      utf8(`${UNIFI}.1.1.1.3.2`, 'na'),
      int(`${UNIFI}.1.2.1.8.1`, 4),
      int(`${UNIFI}.1.2.1.8.2`, 0),
      int(`${UNIFI}.1.2.1.8.3`, 14),
      utf8(`${UNIFI}.3.3.0`, 'UAP-nanoHD'),
    ]);
    const got = unifiWireless.extract(ws);
    expect(got).toMatchObject({ apCount: null, apsOnline: null, aps: null });
    expect(got?.apSource?.kind).toBe('notApplicable');
  });

  it('says nothing on a Linux host without the UniFi MIB', () => {
    const ws = polled(unifiWireless.plan, [utf8('1.3.6.1.2.1.1.5.0', 'host')]);
    expect(unifiWireless.extract(ws)).toBeNull();
  });
});
