import type { SchemaMigration } from '../schema-migrations.js';

/**
 * `cluster_log_lines.time` (milliseconds since 1970) as the stored time text of DESIGN §4:
 * `2011-08-05T13:47:42.4650000Z`. Exact for every millisecond of the years 0000–9999.
 */
export function utcTimeTextSql(ms: string): string {
  return `strftime('%Y-%m-%dT%H:%M:%f', (${ms}) / 1000.0, 'unixepoch') || '0000Z'`;
}

/** Milliseconds since 1970 as a cluster log timestamp is written: `2011/08/05-15:47:42.465`. */
export function writtenTimeTextSql(ms: string): string {
  return `strftime('%Y/%m/%d-%H:%M:%f', (${ms}) / 1000.0, 'unixepoch')`;
}

/**
 * Milliseconds since 1970 of a timestamp text laid out as `YYYY?MM?DD?HH:MM:SS.mmm…` (the
 * stored UTC text, or the written text): the calendar overflows the way Date.UTC does (second
 * 60 is the next minute's 0, February 29 of a common year is March 1). For the migration only.
 */
function msOfTextSql(text: string): string {
  return `(unixepoch(replace(substr(${text}, 1, 10), '/', '-')) * 1000
    + substr(${text}, 12, 2) * 3600000 + substr(${text}, 15, 2) * 60000
    + substr(${text}, 18, 2) * 1000 + substr(${text}, 21, 3))`;
}

/**
 * A column of the line's file. The view reads the file row in scalar subqueries rather than
 * through a join: a view over one table is flattened into the query that reads it even as the
 * right side of a LEFT JOIN (the `finding-evidence` query), where a join view is materialized.
 */
function ofFile(column: string): string {
  return `(SELECT ${column} FROM cluster_log_sources WHERE source_id = l.source_id)`;
}

/** A column of the line's tag (channel, level and component: one of a few hundred). */
function ofTag(column: string): string {
  return `(SELECT ${column} FROM cluster_log_tags WHERE id = l.tag)`;
}

/**
 * Stores cluster log records narrow: what varies per line goes to `cluster_log_lines`
 * (`time` as milliseconds since 1970, no node, no basis, no raw text unless the time cannot
 * give it back), what is the same for a whole file to `cluster_log_sources`, and `cluster_log`
 * becomes a view with the columns and meanings it had (DESIGN §4).
 *
 * - `cluster_log_sources.offset_minutes` is the offset (local minus UTC) the file is read at:
 *   the text as written is `time` plus the offset. NULL while it is not known: `time` then
 *   holds the written timestamp as if it were UTC, and the view's `time` is NULL.
 * - `cluster_log_lines.tag` names the line's channel, level and component together in
 *   `cluster_log_tags` (a database holds a few hundred such triples): one integer bound per
 *   line instead of three texts.
 * - `cluster_log_lines.raw_time` holds the written text only when the time cannot give it back
 *   (second 60, February 29 of a common year); `time` is NULL only for a written text that is
 *   not a timestamp at all (the readers never store one).
 * - `first_id`/`last_id` bound the ids of a file's lines (one file is written in one
 *   transaction, so they are contiguous): queries about one file read that range of the table
 *   instead of an index on `source_id`, which cost a fifth of the insert. Deleting a source
 *   deletes its file row (foreign key) and that deletes the lines (trigger).
 *
 * Existing rows are moved: node and basis from each file's first line, the offset from its
 * first resolved line, ids kept (findings and migration steps cite them).
 */
export const clusterLogLines: SchemaMigration = {
  version: 6,
  name: 'cluster-log-lines',
  sql: `
    CREATE TABLE cluster_log_sources (
      source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
      node TEXT,
      time_basis TEXT NOT NULL,
      offset_minutes INTEGER,
      first_id INTEGER,
      last_id INTEGER
    );
    CREATE TABLE cluster_log_tags (
      id INTEGER PRIMARY KEY,
      channel TEXT,
      level TEXT,
      component TEXT
    );
    CREATE INDEX cluster_log_tags_key ON cluster_log_tags (component, level, channel);
    CREATE TABLE cluster_log_lines (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL,
      time INTEGER,
      tag INTEGER NOT NULL,
      pid INTEGER,
      tid INTEGER,
      message TEXT NOT NULL,
      line INTEGER NOT NULL,
      raw_time TEXT
    );

    INSERT INTO cluster_log_sources (source_id, node, time_basis, offset_minutes, first_id, last_id)
    SELECT g.source_id, first.node, first.time_basis,
      (SELECT CAST(ROUND((${msOfTextSql('raw_time')} - ${msOfTextSql('time')}) / 60000.0) AS INTEGER)
         FROM cluster_log WHERE source_id = g.source_id AND time IS NOT NULL ORDER BY id LIMIT 1),
      g.first_id, g.last_id
    FROM (SELECT source_id, MIN(id) AS first_id, MAX(id) AS last_id FROM cluster_log
          GROUP BY source_id) AS g
    JOIN cluster_log AS first ON first.id = g.first_id;

    INSERT INTO cluster_log_tags (channel, level, component)
    SELECT DISTINCT channel, level, component FROM cluster_log;

    INSERT INTO cluster_log_lines (id, source_id, time, tag, pid, tid, message, line, raw_time)
    SELECT id, source_id, ms,
      (SELECT t.id FROM cluster_log_tags AS t
       WHERE t.component IS c.component AND t.level IS c.level AND t.channel IS c.channel),
      pid, tid, message, line,
      CASE WHEN ${writtenTimeTextSql('ms + COALESCE(offset_minutes, 0) * 60000')} IS raw_time
        THEN NULL ELSE raw_time END
    FROM (SELECT c.*, f.offset_minutes,
            CASE WHEN c.time IS NOT NULL AND f.offset_minutes IS NOT NULL
              THEN ${msOfTextSql('c.time')}
              ELSE ${msOfTextSql('c.raw_time')} - COALESCE(f.offset_minutes, 0) * 60000 END AS ms
          FROM cluster_log AS c JOIN cluster_log_sources AS f ON f.source_id = c.source_id) AS c
    ORDER BY id;

    DROP TABLE cluster_log;
    CREATE INDEX cluster_log_lines_time ON cluster_log_lines (time);

    CREATE TRIGGER cluster_log_sources_delete AFTER DELETE ON cluster_log_sources BEGIN
      DELETE FROM cluster_log_lines
      WHERE id BETWEEN old.first_id AND old.last_id AND source_id = old.source_id;
    END;

    CREATE VIEW cluster_log AS
    SELECT l.id AS id, l.source_id AS source_id, ${ofFile('node')} AS node,
      CASE WHEN ${ofFile('offset_minutes')} IS NOT NULL THEN ${utcTimeTextSql('l.time')} END AS time,
      COALESCE(l.raw_time,
        ${writtenTimeTextSql(`l.time + COALESCE(${ofFile('offset_minutes')}, 0) * 60000`)}) AS raw_time,
      ${ofFile('time_basis')} AS time_basis, ${ofTag('channel')} AS channel, l.pid AS pid,
      l.tid AS tid, ${ofTag('level')} AS level, ${ofTag('component')} AS component,
      l.message AS message, l.line AS line
    FROM cluster_log_lines AS l;
  `,
};
