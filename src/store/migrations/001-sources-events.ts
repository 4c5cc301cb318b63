import type { SchemaMigration } from '../schema-migrations.js';

/** DESIGN §4: sources, events (deduplicated by node + channel + record_id + time), ingest_errors. */
export const sourcesAndEvents: SchemaMigration = {
  version: 1,
  name: 'sources-events-ingest-errors',
  sql: `
    CREATE TABLE sources (
      id INTEGER PRIMARY KEY,
      path TEXT NOT NULL,
      kind TEXT NOT NULL,
      node TEXT,
      sha256 TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      records INTEGER NOT NULL DEFAULT 0,
      warnings INTEGER NOT NULL DEFAULT 0,
      ingested_at TEXT NOT NULL
    );
    CREATE INDEX sources_sha256 ON sources (sha256);
    CREATE TABLE events (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      node TEXT NOT NULL,
      time TEXT NOT NULL,
      channel TEXT NOT NULL,
      provider TEXT NOT NULL,
      event_id INTEGER NOT NULL,
      level INTEGER,
      task INTEGER,
      opcode INTEGER,
      keywords TEXT,
      record_id INTEGER,
      process_id INTEGER,
      thread_id INTEGER,
      activity_id TEXT,
      user_sid TEXT,
      data TEXT NOT NULL,
      message TEXT
    );
    CREATE UNIQUE INDEX events_identity ON events (node, channel, record_id, time);
    CREATE INDEX events_node_time ON events (node, time);
    CREATE INDEX events_provider_event ON events (provider, event_id);
    CREATE INDEX events_channel_time ON events (channel, time);
    CREATE INDEX events_source ON events (source_id);
    CREATE TABLE ingest_errors (
      id INTEGER PRIMARY KEY,
      source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
      location TEXT NOT NULL,
      message TEXT NOT NULL
    );
    CREATE INDEX ingest_errors_source ON ingest_errors (source_id);
  `,
};
