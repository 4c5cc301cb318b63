import { ecsVersion } from './ecs-document.js';

type Mapping = Record<string, unknown>;

const keyword: Mapping = { type: 'keyword', ignore_above: 1024 };
const text: Mapping = { type: 'match_only_text' };
const long: Mapping = { type: 'long' };
const double: Mapping = { type: 'double' };
const date: Mapping = { type: 'date_nanos' };
/** Stored in the document, not indexed (flowchart paths, evidence lists). */
const kept: Mapping = { type: 'object', enabled: false };

const object = (properties: Record<string, Mapping>): Mapping => ({ properties });

/**
 * The mappings of every field the ECS documents carry (ecs-document.ts). The root is not
 * dynamic: a field not listed here stays in `_source` but is not indexed, so event fields
 * (`winlog.event_data`, as `flattened`) cannot blow up the mapping.
 */
export const ecsMappings: Mapping = {
  dynamic: false,
  properties: {
    '@timestamp': date,
    ecs: object({ version: keyword }),
    message: text,
    event: object({
      kind: keyword,
      module: keyword,
      dataset: keyword,
      code: keyword,
      provider: keyword,
      action: keyword,
      outcome: keyword,
      start: date,
      end: date,
      duration: long,
    }),
    host: object({ name: keyword }),
    log: object({ level: keyword, logger: keyword }),
    process: object({ pid: long, thread: object({ id: long }) }),
    winlog: object({
      channel: keyword,
      provider_name: keyword,
      event_id: keyword,
      record_id: long,
      task: long,
      opcode: long,
      keywords: keyword,
      activity_id: keyword,
      user: object({ identifier: keyword }),
      process: object({ pid: long, thread: object({ id: long }) }),
      event_data: { type: 'flattened' },
    }),
    lmdoctor: object({
      case_id: keyword,
      cluster: keyword,
      table: keyword,
      id: long,
      source_id: long,
      role: keyword,
      category: keyword,
      cluster_log: object({
        channel: keyword,
        line: long,
        time_basis: keyword,
        offset_minutes: long,
      }),
      migration: object({
        id: long,
        vm: keyword,
        vm_id: keyword,
        kind: keyword,
        source_node: keyword,
        destination_node: keyword,
        requested_at: date,
        started_at: date,
        ended_at: date,
        duration_s: double,
        blackout_s: double,
        outcome: keyword,
        failure_side: keyword,
        error_code: keyword,
        error_text: text,
        seconds_since_previous_migration: double,
        seconds_since_service_start_source: double,
        seconds_since_service_start_destination: double,
        seconds_since_rhs_restart_source: double,
        seconds_since_rhs_restart_destination: double,
        overlapping: long,
      }),
      finding: object({
        id: long,
        migration_id: long,
        scope: keyword,
        cause: keyword,
        verdict: keyword,
        summary: text,
        remediation: text,
        evidence: kept,
        path: kept,
        placed_at_case_start: { type: 'boolean' },
      }),
    }),
  },
};

/**
 * The composable index template for the documents: indices (or data streams) named
 * `lmdoctor-*`. Elasticsearch 8 and OpenSearch 2 accept it with `PUT _index_template/lmdoctor`.
 */
export function ecsIndexTemplate(): Record<string, unknown> {
  return {
    index_patterns: ['lmdoctor-*'],
    data_stream: {},
    priority: 200,
    template: {
      settings: { 'index.mapping.total_fields.limit': 2000 },
      mappings: ecsMappings,
    },
    _meta: {
      description:
        'lmdoctor export: Windows events, cluster log lines, live migrations and findings (ECS field names)',
      ecs_version: ecsVersion,
    },
  };
}
