import { describe, expect, it } from 'vitest';
import {
  eventAnchorKeys,
  formatOffset,
  inferTimeOffset,
  lineAnchorKeys,
} from '../../../src/readers/cluster-log/infer-time-offset.js';

const at = (iso: string) => Date.parse(iso);

describe('anchor keys', () => {
  it('takes the group from real RCM move lines and the service stop from [CS]', () => {
    expect(
      lineAnchorKeys(
        'RCM',
        'move of group AOCProd01AG from CO2ICMV3SQL09(1) to CO2ICMV3SQL10(2) of type MoveType::Manual is about to succeed, failoverCount=3, lastFailoverTime=2020/08/05-02:08:54.524 targeted=true',
      ),
    ).toEqual(['group:aocprod01ag']);
    expect(lineAnchorKeys('RCM', 'rcm::RcmApi::MoveGroup: (ag, 2)')).toEqual(['group:ag']);
    expect(lineAnchorKeys('CS', 'Service Stopping...')).toEqual(['service-stop']);
    expect(lineAnchorKeys('RHS', 'Resource ag IsAlive has indicated failure.')).toEqual([]);
  });

  it('takes group names from cluster and Hyper-V HA events and the stop from event 7036', () => {
    expect(
      eventAnchorKeys('Microsoft-Windows-FailoverClustering', 1641, {
        param1: 'VM01',
        param2: 'HV01',
      }),
    ).toEqual(['group:vm01', 'group:hv01']);
    expect(
      eventAnchorKeys('Microsoft-Windows-Hyper-V-High-Availability', 21502, {
        VmName: 'Virtual Machine VM01',
      }),
    ).toEqual(['group:vm01']);
    expect(
      eventAnchorKeys('Service Control Manager', 7036, {
        param1: 'Cluster Service',
        param2: 'stopped',
      }),
    ).toEqual(['service-stop']);
    expect(
      eventAnchorKeys('Microsoft-Windows-FailoverClustering', 1135, { param1: 'HV02' }),
    ).toEqual([]);
  });
});

describe('inferTimeOffset', () => {
  it('finds a local-time log five hours behind UTC from a few paired moves', () => {
    const lines = [
      { key: 'group:vm01', naiveMs: at('2020-08-06T01:17:54.943Z') },
      { key: 'group:vm02', naiveMs: at('2020-08-06T02:00:10.000Z') },
    ];
    const events = [
      { key: 'group:vm01', utcMs: at('2020-08-06T06:17:52.100Z') },
      { key: 'group:vm02', utcMs: at('2020-08-06T07:00:11.000Z') },
      { key: 'group:other', utcMs: at('2020-08-06T09:00:00.000Z') },
    ];
    expect(inferTimeOffset(lines, events)).toEqual({
      offsetMinutes: -300,
      votes: 2,
      pairs: 2,
      confidence: 'medium',
    });
  });

  it('says UTC with high confidence when many pairs agree on zero', () => {
    const lines = Array.from({ length: 6 }, (_, i) => ({
      key: `group:vm${i}`,
      naiveMs: at('2020-01-01T10:00:00Z') + i * 60_000,
    }));
    const events = lines.map((l) => ({ key: l.key, utcMs: l.naiveMs + 1500 }));
    expect(inferTimeOffset(lines, events)).toMatchObject({
      offsetMinutes: 0,
      votes: 6,
      confidence: 'high',
    });
  });

  it('gives up when nothing pairs, and ignores pairs that are not a quarter-hour apart', () => {
    expect(
      inferTimeOffset([{ key: 'group:a', naiveMs: 0 }], [{ key: 'group:b', utcMs: 0 }]),
    ).toBeNull();
    expect(
      inferTimeOffset(
        [{ key: 'group:a', naiveMs: at('2020-01-01T10:07:00Z') }],
        [{ key: 'group:a', utcMs: at('2020-01-01T10:00:00Z') }],
      ),
    ).toBeNull();
  });
});

describe('time helpers', () => {
  it('formats offsets', () => {
    expect(formatOffset(-420)).toBe('UTC-07:00');
    expect(formatOffset(330)).toBe('UTC+05:30');
  });
});
