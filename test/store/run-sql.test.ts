import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { openStore } from '../../src/store/open-database.js';
import { namedParameters, parseParam, runReadOnlySql } from '../../src/store/run-sql.js';
import { findNamedQuery, listNamedQueries } from '../../src/store/named-queries.js';

function storeWithSources() {
  const db = openStore(':memory:');
  db.prepare(
    "INSERT INTO sources (path, kind, sha256, bytes, ingested_at) VALUES ('a.xml', 'xml-events', 'h1', 10, 'now')",
  ).run();
  db.prepare(
    "INSERT INTO sources (path, kind, sha256, bytes, ingested_at) VALUES ('b.evtx', 'evtx', 'h2', 20, 'now')",
  ).run();
  return db;
}

describe('runReadOnlySql', () => {
  it('returns columns in select order and rows', () => {
    const result = runReadOnlySql(
      storeWithSources(),
      'SELECT kind, path FROM sources ORDER BY id;',
    );
    expect(result.columns).toEqual(['kind', 'path']);
    expect(result.rows).toEqual([
      { kind: 'xml-events', path: 'a.xml' },
      { kind: 'evtx', path: 'b.evtx' },
    ]);
  });

  it('binds named parameters, whole numbers as numbers', () => {
    const db = storeWithSources();
    const params = parseParam('n=1', parseParam('kind=evtx'));
    expect(params).toEqual({ kind: 'evtx', n: 1 });
    expect(
      runReadOnlySql(db, 'SELECT path FROM sources WHERE kind = :kind LIMIT :n', params).rows,
    ).toEqual([{ path: 'b.evtx' }]);
    expect(
      runReadOnlySql(db, 'SELECT path FROM sources WHERE kind = @kind', { kind: 'xml-events' })
        .rows,
    ).toEqual([{ path: 'a.xml' }]);
  });

  it('names a missing parameter and how to give it', () => {
    expect(() =>
      runReadOnlySql(storeWithSources(), 'SELECT * FROM sources WHERE kind = :kind'),
    ).toThrow(/-p kind=VALUE|:kind/);
  });

  it.each([
    'DELETE FROM sources',
    'UPDATE sources SET kind = 1',
    "INSERT INTO sources (path, kind, sha256, bytes, ingested_at) VALUES ('x', 'y', 'z', 1, 'n')",
    'DROP TABLE sources',
    'CREATE TABLE x (a)',
    "ATTACH DATABASE 'other.db' AS other",
    'DETACH other',
    'PRAGMA user_version = 5',
    "SELECT load_extension('x')",
    '-- a comment\nDELETE FROM sources',
    "/* block */ ATTACH DATABASE 'other.db' AS other",
    "VACUUM INTO 'copy.db'",
    'SELECT 1; DELETE FROM sources',
    'WITH a AS (SELECT 1) DELETE FROM sources',
    'PRAGMA writable_schema = ON',
    'PRAGMA query_only = OFF',
    'PRAGMA main.foreign_keys=OFF',
    'PRAGMA cache_size(10)',
    "PRAGMA temp_store_directory = '.'",
    'SAVEPOINT a',
  ])('refuses %s without changing anything', (sql) => {
    const db = storeWithSources();
    expect(() => runReadOnlySql(db, sql)).toThrow(UserError);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sources').get()).toEqual({ n: 2 });
    expect(db.pragma('user_version', { simple: true })).toBe(0);
  });

  it.each([
    'PRAGMA "query_only" = OFF',
    'PRAGMA [query_only] = OFF',
    'PRAGMA `query_only` = 0',
    'PRAGMA /* a comment */ query_only = OFF',
    'PRAGMA main."query_only"=OFF',
    '/* lead */ -- line\n pragma\tquery_only = false',
  ])('refuses %s, however the name is written, before SQLite applies it', (sql) => {
    const db = storeWithSources();
    db.pragma('query_only = ON');
    expect(() => runReadOnlySql(db, sql)).toThrow(UserError);
    expect(db.pragma('query_only', { simple: true })).toBe(1);
  });

  it.each([
    "SELECT name FROM pragma_table_info('sources')",
    'SELECT * FROM pragma_user_version',
    'SELECT * FROM pragma_integrity_check',
  ])('runs the reading pragma %s as a table-valued function', (sql) => {
    expect(runReadOnlySql(storeWithSources(), sql).rows.length).toBeGreaterThan(0);
  });

  it('refuses PRAGMA statements with a hint to read them as a table-valued function', () => {
    let error: unknown;
    try {
      runReadOnlySql(storeWithSources(), 'PRAGMA table_info(sources)');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).hint).toContain('pragma_table_info');
  });

  it('runs queries that a keyword-based filter would misjudge', () => {
    const db = storeWithSources();
    expect(runReadOnlySql(db, '-- PRAGMA x = 1\nSELECT 1 AS pragma').rows).toEqual([{ pragma: 1 }]);
    expect(runReadOnlySql(db, 'VALUES (1), (2)').rows).toHaveLength(2);
    expect(
      runReadOnlySql(
        db,
        'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT i FROM n -- end',
      ).rows,
    ).toHaveLength(3);
  });

  it('finds parameters outside strings and comments only', () => {
    expect(
      namedParameters('SELECT \':no\', "@no" FROM t WHERE a = :yes -- :no\n AND b = $also'),
    ).toEqual(['yes', 'also']);
  });

  it('reports SQL errors as UserError', () => {
    expect(() => runReadOnlySql(storeWithSources(), 'SELECT nope FROM sources')).toThrow(
      /SQL error/,
    );
  });
});

describe('canned queries', () => {
  it('ships at least five, each with a description, each running on an empty store', () => {
    const queries = listNamedQueries();
    expect(queries.length).toBeGreaterThanOrEqual(5);
    const db = openStore(':memory:');
    for (const query of queries) {
      expect(query.description, query.name).not.toBe('');
      const params = Object.fromEntries(query.params.map((p) => [p, 'x']));
      expect(() => runReadOnlySql(db, query.sql, params), query.name).not.toThrow();
    }
  });

  it('declares every parameter its SQL uses', () => {
    for (const query of listNamedQueries()) {
      expect(namedParameters(query.sql).sort(), query.name).toEqual([...query.params].sort());
    }
  });

  it('finds a query by name and refuses names that could escape the folder', () => {
    expect(findNamedQuery('vm-events')?.params).toEqual(['vm']);
    expect(findNamedQuery('../package')).toBeNull();
  });
});
