import { describe, expect, it } from 'vitest';
import type { PollJudgement, UplinkSample } from './uplink-polls.ts';
import { groupPolls, judgePoll } from './uplink-polls.ts';
import { sample } from './testing-samples.ts';

const port = (o: Partial<UplinkSample>) => sample(0, o);
const second = (o: Partial<UplinkSample>) => sample(0, { ifIndex: 2, ...o });

describe('judgePoll at 1000 Mbit/s', () => {
  it.each<[string, UplinkSample[], PollJudgement]>([
    ['up at 1000', [port({})], { outcome: 'pass', bestMbps: 1000, problem: null }],
    [
      'up at 10000',
      [port({ speedMbps: 10000 })],
      { outcome: 'pass', bestMbps: 10000, problem: null },
    ],
    ['up at 100', [port({ speedMbps: 100 })], { outcome: 'slow', bestMbps: 100, problem: null }],
    [
      'down: its reported speed means nothing',
      [port({ operStatus: 'down', speedMbps: 1000 })],
      { outcome: 'down', bestMbps: null, problem: null },
    ],
    [
      'lowerLayerDown is not up',
      [port({ operStatus: 'lowerLayerDown' })],
      { outcome: 'down', bestMbps: null, problem: null },
    ],
    [
      'up with ifHighSpeed 0 is unknown, never 0 Mbit/s',
      [port({ speedMbps: 0 })],
      { outcome: 'unknown', bestMbps: null, problem: 'speed-missing' },
    ],
    [
      'up with no speed is unknown',
      [port({ speedMbps: null })],
      { outcome: 'unknown', bestMbps: null, problem: 'speed-missing' },
    ],
    [
      'ifHighSpeed sent in bit/s is unknown',
      [port({ speedMbps: 1e9 })],
      { outcome: 'unknown', bestMbps: null, problem: 'speed-suspect' },
    ],
    [
      'a port flagged suspect at ingest is unknown',
      [port({ speedSuspect: 'ifHighSpeed equals ifSpeed' })],
      { outcome: 'unknown', bestMbps: null, problem: 'speed-suspect' },
    ],
    [
      'the best up port counts: one down, one up at 1000',
      [port({ operStatus: 'down' }), second({ speedMbps: 1000 })],
      { outcome: 'pass', bestMbps: 1000, problem: null },
    ],
    [
      'a fast port settles it even beside an unreadable one',
      [port({ speedMbps: 0 }), second({ speedMbps: 1000 })],
      { outcome: 'pass', bestMbps: 1000, problem: null },
    ],
    [
      'a slow port beside an unreadable one is unknown (the other may be fast)',
      [port({ speedMbps: 100 }), second({ speedMbps: 0 })],
      { outcome: 'unknown', bestMbps: 100, problem: 'speed-missing' },
    ],
    [
      'a down port beside one of unknown status is unknown',
      [port({ operStatus: 'down' }), second({ operStatus: null })],
      { outcome: 'unknown', bestMbps: null, problem: 'status-unknown' },
    ],
  ])('%s', (_name, ports, expected) => {
    const [poll] = groupPolls(ports);
    expect(poll === undefined ? undefined : judgePoll(poll, 1000)).toEqual(expected);
  });

  it('groups ports by report and orders polls by time', () => {
    const polls = groupPolls([sample(1), sample(0), sample(1, { ifIndex: 2 })]);
    expect(polls.map((p) => [p.reportId, p.ports.length])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});
