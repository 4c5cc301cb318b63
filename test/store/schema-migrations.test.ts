import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  applySchemaMigrations,
  latestSchemaVersion,
  schemaMigrations,
} from '../../src/store/schema-migrations.js';

describe('schema migrations', () => {
  it('creates the contract tables and records each step once', () => {
    const db = new Database(':memory:');
    expect(applySchemaMigrations(db)).toEqual(schemaMigrations.map((m) => m.version));
    expect(applySchemaMigrations(db)).toEqual([]);
    const recorded = db
      .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
      .all();
    expect(recorded).toEqual(schemaMigrations.map((m) => ({ version: m.version, name: m.name })));
    const columns = (table: string) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('sources')).toEqual([
      'id',
      'path',
      'kind',
      'node',
      'sha256',
      'bytes',
      'records',
      'warnings',
      'ingested_at',
      'node_basis',
      'node_evidence',
    ]);
    expect(columns('events')).toEqual([
      'id',
      'source_id',
      'node',
      'time',
      'channel',
      'provider',
      'event_id',
      'level',
      'task',
      'opcode',
      'keywords',
      'record_id',
      'process_id',
      'thread_id',
      'activity_id',
      'user_sid',
      'data',
      'message',
    ]);
    expect(columns('ingest_errors')).toEqual(['id', 'source_id', 'location', 'message']);
  });

  it('has indexes for node+time, provider+event id and channel', () => {
    const db = new Database(':memory:');
    applySchemaMigrations(db);
    const indexed = (
      db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'")
        .all() as { sql: string }[]
    ).map((r) => r.sql);
    expect(indexed.some((sql) => /\(node, time\)/.test(sql))).toBe(true);
    expect(indexed.some((sql) => /\(provider, event_id\)/.test(sql))).toBe(true);
    expect(indexed.some((sql) => /\(channel/.test(sql))).toBe(true);
  });

  it('refuses a database written by a newer lmdoctor', () => {
    const db = new Database(':memory:');
    applySchemaMigrations(db);
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'future', '')").run(
      latestSchemaVersion + 1,
    );
    expect(() => applySchemaMigrations(db)).toThrow(UserError);
  });
});
