import type { SchemaMigration } from '../schema-migrations.js';

/**
 * What the stored migrations were rebuilt from: a fingerprint of `sources` and of how each
 * cluster log's times were read, so commands that read migrations can tell they are stale.
 */
export const replayState: SchemaMigration = {
  version: 5,
  name: 'replay-state',
  sql: `
    CREATE TABLE replay_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      fingerprint TEXT NOT NULL,
      replayed_at TEXT NOT NULL
    );
  `,
};
