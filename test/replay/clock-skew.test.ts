import { describe, expect, it } from 'vitest';
import { offsetIsMeasurable } from '../../src/model/migration.js';
import {
  estimateClockOffsets,
  startTransitMaxMs,
  type PairedStart,
  type Sighting,
} from '../../src/replay/clock-skew.js';

/** A migration of `vm` logged on both sides: true start `at` ms, transit `transitMs`. */
function migration(
  vm: string,
  source: string,
  destination: string,
  at: number,
  transitMs: number,
  clocks: Record<string, number>,
): PairedStart[] {
  return [
    { key: vm, node: source, at: at + (clocks[source] ?? 0), source: true },
    { key: vm, node: destination, at: at + transitMs + (clocks[destination] ?? 0), source: false },
  ];
}

function sightings(key: string, at: number, clocks: Record<string, number>): Sighting[] {
  return Object.entries(clocks).map(([node, skew]) => ({ key, node, at: at + skew }));
}

const offsetOf = (skews: ReturnType<typeof estimateClockOffsets>, node: string) =>
  skews.find((s) => s.node === node)!;

describe('clock offsets with their uncertainty', () => {
  const clocks = { HV01: 4000, HV02: -7000, HV03: 0 };

  it('three nodes off by +4 s, -7 s and 0 s: starts both ways cancel the transit time', () => {
    const starts = [
      ...migration('a', 'HV01', 'HV02', 0, 450, clocks),
      ...migration('b', 'HV02', 'HV01', 600_000, 450, clocks),
      ...migration('c', 'HV02', 'HV03', 1_200_000, 450, clocks),
      ...migration('d', 'HV03', 'HV02', 1_800_000, 450, clocks),
    ];
    const skews = estimateClockOffsets(starts);
    // The middle clock (HV03's) is the case's clock.
    expect(skews.map((s) => [s.node, s.offsetS, s.reference])).toEqual([
      ['HV01', 4, 'HV03'],
      ['HV02', -7, 'HV03'],
      ['HV03', 0, 'HV03'],
    ]);
    expect(offsetIsMeasurable(offsetOf(skews, 'HV02'))).toBe(true);
    expect(offsetOf(skews, 'HV02').basis).toBe('migration-start×2');
  });

  it('every node logging the same happening pins the offsets within the sighting jitter', () => {
    const skews = estimateClockOffsets(
      [],
      [
        ...sightings('node-down|1135|HV09', 1000, clocks),
        ...sightings('network-down|1130|CSV', 50_000, clocks),
      ],
    );
    expect(skews.map((s) => [s.node, s.offsetS])).toEqual([
      ['HV01', 4],
      ['HV02', -7],
      ['HV03', 0],
    ]);
    expect(offsetOf(skews, 'HV01').basis).toBe('shared-sighting×2');
    expect(offsetOf(skews, 'HV01').uncertaintyS).toBeLessThanOrEqual(2);
  });

  it('a small offset is kept, not dropped, and said to be within its uncertainty', () => {
    // One direction only: 0.45 s between the starts may be transit or clock.
    const skews = estimateClockOffsets(migration('a', 'HV01', 'HV02', 0, 450, {}));
    const hv02 = offsetOf(skews, 'HV02');
    expect(Math.abs(hv02.offsetS)).toBeCloseTo(0.45, 3);
    expect(hv02.uncertaintyS).toBeCloseTo(startTransitMaxMs / 1000, 3);
    expect(offsetIsMeasurable(hv02)).toBe(false);
  });

  it('an offset of 1.5 s (under the old 2 s threshold) measured both ways is applied', () => {
    const skewed = { HV01: 0, HV02: 1500 };
    const skews = estimateClockOffsets([
      ...migration('a', 'HV01', 'HV02', 0, 300, skewed),
      ...migration('b', 'HV02', 'HV01', 60_000, 300, skewed),
    ]);
    const relative = offsetOf(skews, 'HV02').offsetS - offsetOf(skews, 'HV01').offsetS;
    expect(relative).toBeCloseTo(1.5, 3);
    expect(
      offsetIsMeasurable(offsetOf(skews, skews[0]!.reference === 'HV01' ? 'HV02' : 'HV01')),
    ).toBe(true);
  });
});
