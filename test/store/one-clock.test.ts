import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildMigrations } from '../../src/case/rebuild-migrations.js';
import { correctIsoTime, isoToMillis } from '../../src/model/time.js';
import { CaseClock, selectClockSkew } from '../../src/store/clock-offsets-table.js';
import type { Store } from '../../src/store/open-database.js';
import { selectStateIntervals } from '../../src/store/state-intervals-table.js';
import { selectTimeline } from '../../src/store/timeline-query.js';
import { ingestSampleScenario } from '../support/sample-scenario-store.js';

describe('one clock per case, stored and applied (clock-skew-rhs-deadlock sample)', () => {
  let db: Store;
  beforeAll(async () => {
    db = await ingestSampleScenario('clock-skew-rhs-deadlock');
    rebuildMigrations(db);
  }, 60_000);
  afterAll(() => db.close());

  it('stores each node offset with its uncertainty and basis: +4 s, -7 s, 0 s', () => {
    const skews = selectClockSkew(db);
    expect(skews.map((s) => [s.node, s.offsetS])).toEqual([
      ['HV01', 4],
      ['HV02', -7],
      ['HV03', 0],
    ]);
    for (const s of skews.filter((s) => s.node !== s.reference)) {
      expect(s.uncertaintyS).toBeGreaterThan(0);
      expect(s.uncertaintyS).toBeLessThan(Math.abs(s.offsetS));
      expect(s.basis).toMatch(/migration-start×\d|shared-sighting×\d/);
    }
    // The old table name still answers, as a view, in seconds.
    expect(db.prepare("SELECT offset_s FROM clock_skew WHERE node = 'HV02'").pluck().get()).toBe(
      -7,
    );
  });

  it('events_corrected and cluster_log_corrected keep the raw time beside the corrected one', () => {
    const clock = CaseClock.of(db);
    const events = db.prepare('SELECT node, time, corrected_time FROM events_corrected').all() as {
      node: string;
      time: string;
      corrected_time: string;
    }[];
    expect(events.length).toBeGreaterThan(100);
    for (const e of events) expect(e.corrected_time).toBe(clock.correct(e.node, e.time));
    const hv02 = events.find((e) => e.node === 'HV02')!;
    expect(isoToMillis(hv02.corrected_time) - isoToMillis(hv02.time)).toBeCloseTo(7000, 3);
    const line = db
      .prepare(
        "SELECT time, corrected_time FROM cluster_log_corrected WHERE node = 'HV01' AND time IS NOT NULL LIMIT 1",
      )
      .get() as { time: string; corrected_time: string };
    expect(line.corrected_time).toBe(correctIsoTime(line.time, 4000));
  });

  it('the timeline merges records on the corrected clock: the deadlock follows the start', () => {
    const rows = selectTimeline(db, {
      vm: ['APP20'],
      from: '2022-06-14T10:04:55',
      to: '2022-06-14T10:05:20',
      limit: 500,
    });
    const times = rows.map((r) => r.time);
    expect([...times].sort()).toEqual(times);
    const start = rows.find((r) => r.node === 'HV01' && r.origin === 'event')!;
    const deadlock = rows.find((r) => r.node === 'HV02' && r.what.endsWith(' 1230'));
    expect(deadlock, 'the 1230 of HV02 names APP20').toBeDefined();
    expect(deadlock!.time > start.time).toBe(true);
  });
});

describe('state over time (csv-paused-across-move sample)', () => {
  it('the CSV is paused, then inaccessible, then online on each node, with evidence', async () => {
    const db = await ingestSampleScenario('csv-paused-across-move');
    try {
      rebuildMigrations(db);
      const csv = selectStateIntervals(db).filter((s) => s.kind === 'csv' && s.node === 'HV01');
      expect(csv.map((s) => [s.subject, s.state, s.startOpen, s.endOpen])).toEqual([
        ['Volume2', 'paused', false, false],
        ['Volume2', 'no-access', false, false],
        ['Volume2', 'online', false, true],
      ]);
      const lost = csv[1]!;
      const migration = db
        .prepare("SELECT started_at, ended_at FROM migrations WHERE vm = 'SQL30'")
        .get() as { started_at: string; ended_at: string };
      expect(lost.startedAt! < migration.started_at).toBe(true);
      expect(lost.endedAt! > migration.ended_at).toBe(true);
      // Only intervals that held at some moment of the attempt come back for its window.
      const during = selectStateIntervals(db, migration.started_at, migration.ended_at);
      expect(during.filter((s) => s.kind === 'csv').map((s) => s.state)).toEqual([
        'no-access',
        'no-access',
      ]);
      const cited = db
        .prepare('SELECT event_id FROM events WHERE id = ?')
        .pluck()
        .get(lost.startEvidence!.id);
      expect(cited).toBe(5142);
    } finally {
      db.close();
    }
  }, 60_000);
});
