import type { SchemaMigration } from '../schema-migrations.js';

/**
 * `vm_names`: every name replay joined to a VM shown under another name (a localized cluster
 * resource name, a group name, a name seen with the same VmId), with the reason, so the report
 * can say when two names were taken for one VM and why. Rebuilt with the migrations.
 */
export const vmNamesTable: SchemaMigration = {
  version: 10,
  name: 'vm-names',
  sql: `
    CREATE TABLE vm_names (
      vm TEXT NOT NULL,
      vm_id TEXT,
      name TEXT NOT NULL,
      reason TEXT NOT NULL,
      PRIMARY KEY (vm, name)
    );
  `,
};
