import type { SchemaMigration } from '../schema-migrations.js';

/**
 * DESIGN §4: `cluster_log` (one row per record; `raw_time` as written, `time` resolved to
 * UTC or NULL until its basis is known), `cluster_log_files` (how each cluster log's times
 * were read), and the configuration tables, whose columns mirror model/config-columns.ts at
 * the time of this step (a test keeps the two in line; later columns need a new step).
 */
export const clusterLogAndConfig: SchemaMigration = {
  version: 2,
  name: 'cluster-log-and-configuration',
  sql: `
    CREATE TABLE cluster_log (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      node TEXT,
      time TEXT,
      raw_time TEXT NOT NULL,
      time_basis TEXT NOT NULL,
      channel TEXT,
      pid INTEGER,
      tid INTEGER,
      level TEXT,
      component TEXT,
      message TEXT NOT NULL,
      line INTEGER NOT NULL
    );
    CREATE INDEX cluster_log_time ON cluster_log (time);
    CREATE INDEX cluster_log_source ON cluster_log (source_id);
    CREATE TABLE cluster_log_files (
      source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
      node TEXT,
      time_basis TEXT NOT NULL,
      offset_minutes INTEGER,
      basis_origin TEXT NOT NULL,
      confidence TEXT,
      evidence TEXT
    );
    CREATE TABLE cluster_networks (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      node TEXT,
      name TEXT, network_id TEXT, role TEXT, metric INTEGER, auto_metric INTEGER, state TEXT,
      address TEXT, address_mask TEXT, ipv4_addresses TEXT, ipv6_addresses TEXT,
      prefix_list TEXT, description TEXT, cluster TEXT
    );
    CREATE TABLE cluster_nodes (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      node TEXT,
      name TEXT, node_id TEXT, node_number INTEGER, state TEXT, drain_status TEXT,
      node_weight INTEGER, dynamic_weight INTEGER, manufacturer TEXT, model TEXT,
      build_number TEXT, major_version INTEGER, minor_version INTEGER, cluster TEXT,
      os_caption TEXT, os_version TEXT, system_drive TEXT
    );
    CREATE TABLE network_interfaces (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      node TEXT,
      name TEXT, interface_id TEXT, network TEXT, adapter TEXT, adapter_id TEXT, address TEXT,
      ipv4_addresses TEXT, ipv6_addresses TEXT, state TEXT, dhcp_enabled INTEGER
    );
    CREATE TABLE vm_resources (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      node TEXT,
      kind TEXT, name TEXT, resource_id TEXT, resource_type TEXT, owner_group TEXT, state TEXT,
      separate_monitor INTEGER, migration_network_order TEXT, migration_exclude_networks TEXT,
      offline_action INTEGER, default_move_type INTEGER, move_type TEXT, vm_id TEXT
    );
    CREATE TABLE virtual_switches (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      node TEXT,
      name TEXT, switch_id TEXT, switch_type TEXT, adapter TEXT, allow_management_os INTEGER
    );
    CREATE TABLE processors (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      node TEXT,
      model TEXT, manufacturer TEXT, architecture TEXT, device_id TEXT, description TEXT,
      max_clock_speed INTEGER, number_of_cores INTEGER, number_of_logical_processors INTEGER
    );
    CREATE INDEX cluster_networks_source ON cluster_networks (source_id);
    CREATE INDEX cluster_nodes_source ON cluster_nodes (source_id);
    CREATE INDEX network_interfaces_source ON network_interfaces (source_id);
    CREATE INDEX vm_resources_source ON vm_resources (source_id);
    CREATE INDEX virtual_switches_source ON virtual_switches (source_id);
    CREATE INDEX processors_source ON processors (source_id);
  `,
};
