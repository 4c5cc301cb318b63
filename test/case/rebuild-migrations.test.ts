import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentProgress } from '../../src/case/progress.js';
import { ingestPaths } from '../../src/case/ingest-case.js';
import {
  ensureMigrations,
  migrationsAreStale,
  openCaseForReading,
} from '../../src/case/rebuild-migrations.js';
import { selectMigrations } from '../../src/store/migrations-table.js';
import { openStore } from '../../src/store/open-database.js';
import { repoRoot } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

const quiet = silentProgress;
const scenario = join(repoRoot, 'sample-logs', 'no-migration-network');

describe('migrations are rebuilt when what they were built from changed', () => {
  const tempDir = useTempDir();

  it('stale after an ingest, fresh after a rebuild, stale again after another ingest', async () => {
    const dir = tempDir();
    const db = openStore(join(dir, 'case.db'));
    try {
      mkdirSync(join(dir, 'HV01'));
      cpSync(
        join(scenario, 'HV01-Microsoft-Windows-Hyper-V-High-Availability-Admin.evtx'),
        join(dir, 'HV01', 'ha.evtx'),
      );
      await ingestPaths(db, [join(dir, 'HV01')], { force: false, jobs: 1 }, quiet);
      expect(migrationsAreStale(db)).toBe(true);
      expect(ensureMigrations(db)?.migrations).toBeGreaterThan(0);
      expect(migrationsAreStale(db)).toBe(false);
      expect(ensureMigrations(db)).toBeNull();

      await ingestPaths(db, [scenario], { force: false, jobs: 1 }, quiet);
      expect(migrationsAreStale(db)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('a command that reads migrations brings them up to date first', async () => {
    const path = join(tempDir(), 'case.db');
    const db = openStore(path);
    await ingestPaths(db, [scenario], { force: false, jobs: 1 }, quiet);
    expect(selectMigrations(db)).toEqual([]);
    db.close();

    const reader = openCaseForReading(path);
    try {
      expect(selectMigrations(reader).map((m) => [m.vm, m.outcome])).toEqual([
        ['FS01', 'succeeded'],
        ['SQL01', 'failed'],
      ]);
      expect(migrationsAreStale(reader)).toBe(false);
    } finally {
      reader.close();
    }
  });
});
