import type { Store } from './open-database.js';

/**
 * How a column is stored, which decides how an export writes it: `utc-time` is the stored
 * time text (DESIGN §4), `utc-ms` and `local-ms` are milliseconds since 1970 (cluster log
 * lines: resolved UTC, and the wall clock as written), `json` is JSON text.
 */
export type StoredKind =
  'text' | 'json' | 'int32' | 'int64' | 'real' | 'utc-time' | 'utc-ms' | 'local-ms';

export interface ExportColumn {
  name: string;
  kind: StoredKind;
  /** The SQL expression that reads it (over the table's alias `t`). */
  sql: string;
}

/** `node-day`: one folder per node and UTC day below the case; `case`: the case folder only. */
export type Partitioning = 'node-day' | 'case';

/** One exported dataset: the stored table it reads and how. */
export interface ExportTable {
  /** Dataset name (its folder, and the engine-side table name of the fleet queries). */
  name: string;
  /** The stored table (or view) that must exist for the dataset to be exported. */
  table: string;
  /** Tables a database may lack (added by later schema steps): missing ones are skipped. */
  optional: boolean;
  /** FROM clause; the main table is `t`. */
  from: string;
  /** The columns, or null for every column of the table as declared (generic tables). */
  columns: readonly ExportColumn[] | null;
  partitioning: Partitioning;
  orderBy: string;
}

const col = (name: string, kind: StoredKind, sql = `t.${name}`): ExportColumn => ({
  name,
  kind,
  sql,
});

/** A migration fact (JSON path in `facts`) as a column. */
const fact = (name: string, path: string, kind: StoredKind = 'real'): ExportColumn =>
  col(name, kind, `json_extract(t.facts, '$.${path}')`);

/**
 * Every dataset `lmdoctor export` writes, in order: the one list of what is exported. Tables
 * marked optional come with later schema steps (per-node clock offsets, infrastructure state
 * intervals); a database without them is exported without them, with a note.
 */
export const exportTables: readonly ExportTable[] = [
  {
    name: 'sources',
    table: 'sources',
    optional: false,
    from: 'sources AS t',
    columns: [
      col('id', 'int64'),
      col('path', 'text'),
      col('kind', 'text'),
      col('node', 'text'),
      col('sha256', 'text'),
      col('bytes', 'int64'),
      col('records', 'int64'),
      col('warnings', 'int64'),
      col('ingested_at', 'utc-time'),
    ],
    partitioning: 'case',
    orderBy: 't.id',
  },
  {
    name: 'ingest_errors',
    table: 'ingest_errors',
    optional: false,
    from: 'ingest_errors AS t',
    columns: [
      col('id', 'int64'),
      col('source_id', 'int64'),
      col('location', 'text'),
      col('message', 'text'),
    ],
    partitioning: 'case',
    orderBy: 't.id',
  },
  {
    name: 'events',
    table: 'events',
    optional: false,
    from: 'events AS t',
    columns: [
      col('id', 'int64'),
      col('source_id', 'int64'),
      col('node', 'text'),
      col('time', 'utc-time'),
      col('channel', 'text'),
      col('provider', 'text'),
      col('event_id', 'int32'),
      col('level', 'int32'),
      col('task', 'int32'),
      col('opcode', 'int32'),
      col('keywords', 'text'),
      col('record_id', 'int64'),
      col('process_id', 'int64'),
      col('thread_id', 'int64'),
      col('activity_id', 'text'),
      col('user_sid', 'text'),
      col('data', 'json'),
      col('message', 'text'),
    ],
    partitioning: 'node-day',
    // Node and time order (its index) visits each node-day partition once.
    orderBy: 't.node, t.time, t.id',
  },
  {
    name: 'cluster_log',
    table: 'cluster_log_lines',
    optional: false,
    from: `cluster_log_lines AS t
      JOIN cluster_log_sources AS f ON f.source_id = t.source_id
      JOIN cluster_log_tags AS g ON g.id = t.tag`,
    columns: [
      col('id', 'int64'),
      col('source_id', 'int64'),
      col('node', 'text', 'f.node'),
      col('time', 'utc-ms', 'CASE WHEN f.offset_minutes IS NOT NULL THEN t.time END'),
      col('written_time', 'local-ms', 't.time + COALESCE(f.offset_minutes, 0) * 60000'),
      col('raw_time', 'text'),
      col('time_basis', 'text', 'f.time_basis'),
      col('offset_minutes', 'int32', 'f.offset_minutes'),
      col('channel', 'text', 'g.channel'),
      col('level', 'text', 'g.level'),
      col('component', 'text', 'g.component'),
      col('pid', 'int64'),
      col('tid', 'int64'),
      col('message', 'text'),
      col('line', 'int64'),
    ],
    partitioning: 'node-day',
    orderBy: 't.id',
  },
  {
    name: 'migrations',
    table: 'migrations',
    optional: false,
    from: 'migrations AS t',
    columns: [
      col('id', 'int64'),
      col('vm', 'text'),
      col('vm_id', 'text'),
      col('kind', 'text'),
      col('source_node', 'text'),
      col('destination_node', 'text'),
      col('requested_at', 'utc-time'),
      col('started_at', 'utc-time'),
      col('ended_at', 'utc-time'),
      col('duration_s', 'real'),
      col('blackout_s', 'real'),
      col('outcome', 'text'),
      col('failure_side', 'text'),
      col('error_code', 'text'),
      col('error_text', 'text'),
      fact('seconds_since_previous_migration', 'secondsSincePreviousMigration'),
      fact('seconds_since_service_start_source', 'secondsSinceServiceStart.source'),
      fact('seconds_since_service_start_destination', 'secondsSinceServiceStart.destination'),
      fact('seconds_since_rhs_restart_source', 'secondsSinceRhsRestart.source'),
      fact('seconds_since_rhs_restart_destination', 'secondsSinceRhsRestart.destination'),
      col('overlapping', 'int32', "json_array_length(t.facts, '$.overlapping')"),
      col('gaps', 'json'),
      col('facts', 'json'),
    ],
    partitioning: 'case',
    orderBy: 't.id',
  },
  {
    name: 'migration_steps',
    table: 'migration_steps',
    optional: false,
    from: 'migration_steps AS t',
    columns: [
      col('migration_id', 'int64'),
      col('seq', 'int32'),
      col('time', 'utc-time'),
      col('node', 'text'),
      col('phase', 'text'),
      col('evidence_table', 'text'),
      col('evidence_id', 'int64'),
      col('summary', 'text'),
    ],
    partitioning: 'case',
    orderBy: 't.migration_id, t.seq',
  },
  {
    name: 'findings',
    table: 'findings',
    optional: false,
    from: 'findings AS t LEFT JOIN migrations AS m ON m.id = t.migration_id',
    columns: [
      col('id', 'int64'),
      col('migration_id', 'int64'),
      col(
        'time',
        'utc-time',
        `COALESCE(m.started_at, m.requested_at, m.ended_at,
          (SELECT MIN(json_extract(e.value, '$.time')) FROM json_each(t.evidence) AS e))`,
      ),
      col('scope', 'text'),
      col('cause', 'text'),
      col('verdict', 'text'),
      col('summary', 'text'),
      col('remediation', 'text'),
      col('evidence', 'json'),
      col('path', 'json'),
    ],
    partitioning: 'case',
    orderBy: 't.id',
  },
  generic('clock_skew', false),
  generic('clock_offsets', true),
  generic('state_intervals', true),
  generic('cluster_nodes', false),
  generic('cluster_networks', false),
  generic('network_interfaces', false),
  generic('vm_resources', false),
  generic('virtual_switches', false),
  generic('processors', false),
];

/** A table exported with every column it has, typed from its declaration. */
function generic(table: string, optional: boolean): ExportTable {
  return {
    name: table,
    table,
    optional,
    from: `${table} AS t`,
    columns: null,
    partitioning: 'case',
    orderBy: 't.rowid',
  };
}

/** Whether a table or view of that name exists in the database. */
export function tableExists(db: Store, name: string): boolean {
  return (
    db
      .prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?")
      .get(name) !== undefined
  );
}

function isView(db: Store, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?").get(name) !==
    undefined
  );
}

/**
 * A generic table's columns from its declaration: INTEGER → int64, REAL → real, other →
 * text, except text columns named like times (`time`, `…_at`, `…_time`, `…_from`, `…_to`,
 * `start`, `end`), which hold stored time text.
 */
export function declaredColumns(db: Store, table: string): ExportColumn[] {
  const info = db.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as {
    name: string;
    type: string;
  }[];
  return info.map(({ name, type }) => {
    const declared = type.toUpperCase();
    const kind: StoredKind = declared.includes('INT')
      ? 'int64'
      : /REAL|FLOA|DOUB/.test(declared)
        ? 'real'
        : /^(time|start|end)$|_(at|time|from|to)$/.test(name)
          ? 'utc-time'
          : 'text';
    return col(name, kind, `t.${JSON.stringify(name)}`);
  });
}

/** The columns a dataset reads in this database. */
export function columnsOf(db: Store, table: ExportTable): readonly ExportColumn[] {
  return table.columns ?? declaredColumns(db, table.table);
}

/** How many rows a dataset has (for progress). */
export function countRows(db: Store, table: ExportTable): number {
  return db.prepare(`SELECT COUNT(*) FROM ${table.table}`).pluck().get() as number;
}

/**
 * The dataset's rows in `orderBy` order, each an array of values in column order, read by one
 * statement as they are consumed (memory does not grow with the table).
 */
export function iterateTableRows(
  db: Store,
  table: ExportTable,
  columns: readonly ExportColumn[],
): IterableIterator<unknown[]> {
  const select = columns.map((c) => c.sql).join(', ');
  // A view (clock_skew becomes one in a later schema step) has no rowid.
  const orderBy = table.columns === null && isView(db, table.table) ? '1' : table.orderBy;
  return db
    .prepare(`SELECT ${select} FROM ${table.from} ORDER BY ${orderBy}`)
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
}

/** What names the case: its sources' contents and the cluster its configuration names. */
export interface CaseIdentityFacts {
  /** sha256 of every stored source, sorted. */
  sourceHashes: string[];
  /** The cluster name most configuration rows give, or null when none names one. */
  cluster: string | null;
  /** The earliest event time, or null for a case without events. */
  firstTime: string | null;
}

/** The facts a case's export identity is derived from. */
export function readCaseIdentityFacts(db: Store): CaseIdentityFacts {
  const sourceHashes = db
    .prepare('SELECT sha256 FROM sources ORDER BY sha256')
    .pluck()
    .all() as string[];
  const cluster = db
    .prepare(
      `SELECT cluster FROM (
         SELECT cluster FROM cluster_nodes WHERE cluster IS NOT NULL AND cluster <> ''
         UNION ALL
         SELECT cluster FROM cluster_networks WHERE cluster IS NOT NULL AND cluster <> '')
       GROUP BY cluster ORDER BY COUNT(*) DESC, cluster LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;
  const firstTime = db.prepare('SELECT MIN(time) FROM events').pluck().get() as string | null;
  return { sourceHashes, cluster: cluster ?? null, firstTime };
}

/**
 * True when a failed migration has no diagnosis (a finding of scope `migration`): the case was
 * rebuilt but not diagnosed since. Diagnosis gives every failed migration one.
 */
export function hasUndiagnosedMigrations(db: Store): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM migrations AS m WHERE m.outcome = 'failed' AND NOT EXISTS (
           SELECT 1 FROM findings AS f WHERE f.migration_id = m.id AND f.scope = 'migration')
         LIMIT 1`,
      )
      .get() !== undefined
  );
}
