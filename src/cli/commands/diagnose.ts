import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { UsageError, UserError } from '../../errors.js';
import { selectClusterLogLocations } from '../../store/diagnosis-input.js';
import { selectMigrations, selectMigrationsWithIds } from '../../store/migrations-table.js';
import { openStore } from '../../store/open-database.js';
import { requireCase } from '../../case/require-case.js';
import { databaseOption } from '../common-options.js';
import { diagnosisJson, findingJson } from '../../report/json-mapping.js';
import { evidenceLine, type EvidenceLocator, renderDiagnosisText } from '../render-diagnosis.js';
import { ensureMigrations } from '../../case/rebuild-migrations.js';
import { runDiagnosis } from '../../case/run-diagnosis.js';

interface DiagnoseOptions {
  db: string;
  explain?: boolean;
  format: 'text' | 'json';
}

function parseMigrationId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1)
    throw new UsageError(`"${text}" is not a migration id (a whole number)`);
  return id;
}

/** `lmdoctor diagnose [migration-id]`: walk the flowchart for failed or slow migrations. */
export function diagnoseCommand(): Command {
  return new Command('diagnose')
    .description(
      'walk the troubleshooting flowchart for failed or slow migrations and save the findings',
    )
    .argument('[migration-id]', 'only this migration (see lmdoctor migrations)', parseMigrationId)
    .addOption(databaseOption())
    .option('--explain', 'show every question, its answer and the records behind it')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ lmdoctor diagnose                  every failed or slow migration, then the cluster advisories
  $ lmdoctor diagnose 3 --explain      the path through the flowchart for migration 3, with evidence
  $ lmdoctor diagnose --format json    diagnoses and findings as JSON`,
    )
    .action((id: number | undefined, options: DiagnoseOptions) => {
      requireCase(options.db);
      const db = openStore(options.db);
      try {
        ensureMigrations(db);
        const { diagnoses, findings, migrations: count } = runDiagnosis(db);
        if (count === 0)
          throw new UserError(
            'no migrations in the database',
            'run `lmdoctor analyze <logs>` or `lmdoctor ingest <logs>` first',
          );
        const migration = id === undefined ? undefined : selectMigrations(db, { id })[0];
        if (id !== undefined && !migration)
          throw new UserError(`no migration ${id}`, 'list them with `lmdoctor migrations`');
        const chosen = diagnoses.filter((d) => id === undefined || d.migrationId === id);
        const advisories = id === undefined ? findings.filter((f) => f.scope === 'cluster') : [];
        if (options.format === 'json') {
          const json = {
            diagnoses: chosen.map((d) => ({ migrationId: d.migrationId, ...diagnosisJson(d) })),
            findings: findings
              .filter((f) => id === undefined || f.migrationId === id)
              .map(findingJson),
          };
          process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
          return;
        }
        const clusterLogIds = findings.flatMap((f) =>
          f.evidence.filter((e) => e.table === 'cluster_log').map((e) => e.id),
        );
        const lines = selectClusterLogLocations(db, clusterLogIds);
        const locate: EvidenceLocator = (e) => {
          const at = e.table === 'cluster_log' ? lines.get(e.id) : undefined;
          return at ? `${basename(at.path)} line ${at.line}` : null;
        };
        const parts: string[] = [];
        if (migration && chosen.length === 0)
          parts.push(
            `#${migration.id} ${migration.vm}: ${migration.outcome}, not slow; nothing to diagnose\n`,
          );
        if (!migration && chosen.length === 0) parts.push('No failed or slow migration.\n');
        const diagnosed = new Map(
          selectMigrationsWithIds(
            db,
            chosen.map((d) => d.migrationId),
          ).map((m) => [m.id, m]),
        );
        for (const d of chosen) {
          parts.push(
            renderDiagnosisText(diagnosed.get(d.migrationId), d, options.explain ?? false, locate),
          );
          for (const r of findings.filter(
            (f) => f.scope === 'related' && f.migrationId === d.migrationId,
          )) {
            parts.push(`  also: ${r.cause} (${r.verdict}): ${r.summary}\n`);
            if (options.explain)
              parts.push(...r.evidence.map((e) => `      ${evidenceLine(e, locate)}\n`));
          }
        }
        if (advisories.length > 0) {
          parts.push('\nAdvisories:\n');
          for (const a of advisories) {
            parts.push(`${a.cause} (${a.verdict}): ${a.summary}\n  do: ${a.remediation}\n`);
            if (options.explain)
              parts.push(...a.evidence.map((e) => `    ${evidenceLine(e, locate)}\n`));
          }
        }
        process.stdout.write(parts.join(''));
      } finally {
        db.close();
      }
    });
}
