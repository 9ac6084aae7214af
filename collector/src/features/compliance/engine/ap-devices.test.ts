import { describe, expect, it } from 'vitest';
import type { ApObservation } from './ap-devices.ts';
import { groupApDevices, knownDevices } from './ap-devices.ts';

let id = 0;
const row = (o: Partial<ApObservation>): ApObservation => ({
  apId: ++id,
  mac: `00:00:00:00:00:${String(id).padStart(2, '0')}`,
  serial: null,
  roomId: null,
  windowSamples: 10,
  windowOnlineSamples: 10,
  daySamples: 2,
  dayOnlineSamples: 2,
  ...o,
});

describe('groupApDevices', () => {
  it.each<[string, ApObservation[], number]>([
    [
      'two radio rows with one serial are one AP',
      [
        row({ serial: 'SN1', mac: 'aa:00:00:00:00:01' }),
        row({ serial: 'sn1 ', mac: 'aa:00:00:00:00:02' }),
      ],
      1,
    ],
    [
      'one MAC written two ways is one AP',
      [row({ mac: '00-1A-2B-3C-4D-5E' }), row({ mac: '001a.2b3c.4d5e' })],
      1,
    ],
    ['two serials are two APs', [row({ serial: 'A' }), row({ serial: 'B' })], 2],
    ['no serial: MACs decide', [row({}), row({})], 2],
  ])('%s', (_name, rows, devices) => {
    expect(groupApDevices(rows)).toHaveLength(devices);
  });

  it('merges what radio rows saw: online if any was, rooms of all', () => {
    const [ap] = groupApDevices([
      row({ serial: 'SN', roomId: 1, dayOnlineSamples: 0, windowOnlineSamples: 0 }),
      row({ serial: 'SN', roomId: 2, dayOnlineSamples: 1 }),
    ]);
    expect(ap).toMatchObject({ roomIds: [1, 2], onlineToday: true, onlineInWindow: true });
  });

  it('knows only APs seen in the window', () => {
    const devices = groupApDevices([row({ windowSamples: 0, windowOnlineSamples: 0 }), row({})]);
    expect(knownDevices(devices)).toHaveLength(1);
  });
});
