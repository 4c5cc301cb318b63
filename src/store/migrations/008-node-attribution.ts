import type { SchemaMigration } from '../schema-migrations.js';

/**
 * How each file's node was decided (issue 22): `sources.node_basis` is `content` (the
 * `Computer` of its events, a cluster log's `Current node` header, the node its rows name),
 * `node-map` (`--node-map FILE=NODE`), `file-name`, `folder` (a folder or zip file above it
 * naming a known node), `not-needed` (no record of it belongs to one node) or `unknown`;
 * `node_evidence` says it in words, or what was tried. NULL for files stored before this step
 * until the next ingest attributes them.
 */
export const nodeAttribution: SchemaMigration = {
  version: 8,
  name: 'sources-node-basis',
  sql: `
    ALTER TABLE sources ADD COLUMN node_basis TEXT;
    ALTER TABLE sources ADD COLUMN node_evidence TEXT;
  `,
};
