import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths, type IngestReport } from '../../src/case/ingest-case.js';
import { silentProgress } from '../../src/case/progress.js';
import { ensureMigrations } from '../../src/case/rebuild-migrations.js';
import { runDiagnosis } from '../../src/case/run-diagnosis.js';
import { parseNodeMap, type NodeMapRule } from '../../src/readers/attribute-node.js';
import { selectMigrations } from '../../src/store/migrations-table.js';
import { openStore, type Store } from '../../src/store/open-database.js';
import { buildZip } from '../support/build-zip.js';
import { repoRoot } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

/** A sample file and the node its name gives it (null: a cluster-wide capture). */
interface SampleFile {
  name: string;
  node: string | null;
  /** The name without the node: `System.evtx`, `Cluster.log`, `Get-VMSwitch.txt`. */
  plain: string;
}

function sampleFiles(sample: string): SampleFile[] {
  return readdirSync(join(repoRoot, 'sample-logs', sample))
    .filter((name) => name !== 'README.md' && name !== 'expected.json')
    .map((name) => {
      const log = /^(HV\d+)_cluster\.log$/.exec(name);
      if (log) return { name, node: log[1]!, plain: 'Cluster.log' };
      const prefixed = /^(HV\d+)-(.+)$/.exec(name);
      if (prefixed) return { name, node: prefixed[1]!, plain: prefixed[2]! };
      return { name, node: null, plain: name };
    });
}

/** The sample as it is: one flat folder, `NODE_cluster.log`, `NODE-….evtx`. */
function flat(sample: string, dir: string): string {
  for (const f of sampleFiles(sample))
    copyFileSync(join(repoRoot, 'sample-logs', sample, f.name), join(dir, f.name));
  return dir;
}

/** One folder per node, plain names (`HV01/Cluster.log`); cluster-wide captures with the first node. */
function perNodeFolders(sample: string, dir: string): string {
  const files = sampleFiles(sample);
  const first = files.find((f) => f.node !== null)!.node!;
  for (const f of files) {
    const folder = join(dir, f.node ?? first);
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(repoRoot, 'sample-logs', sample, f.name), join(folder, f.plain));
  }
  return dir;
}

/** One zip per node (`HV01.zip` holding `Cluster.log`, `System.evtx`, …). */
function zipPerNode(sample: string, dir: string): string {
  const files = sampleFiles(sample);
  const first = files.find((f) => f.node !== null)!.node!;
  const byNode = new Map<string, SampleFile[]>();
  for (const f of files) byNode.set(f.node ?? first, [...(byNode.get(f.node ?? first) ?? []), f]);
  for (const [node, own] of byNode) {
    const entries = own.map((f) => ({
      name: `collected/${f.plain}`,
      data: readFileSync(join(repoRoot, 'sample-logs', sample, f.name)),
    }));
    writeFileSync(join(dir, `${node}.zip`), buildZip(entries));
  }
  return dir;
}

/**
 * One flat folder where every file whose content names its node is renamed without it
 * (`export-3.evtx`, `log-1.log`); `renameAll` renames the others too.
 */
function renamed(sample: string, dir: string, contentNamed: RegExp, renameAll = false): string {
  sampleFiles(sample).forEach((f, i) => {
    const rename = renameAll || contentNamed.test(f.plain);
    const extension = f.plain.slice(f.plain.lastIndexOf('.'));
    const name = rename && f.node !== null ? `export-${i}${extension}` : f.name;
    copyFileSync(join(repoRoot, 'sample-logs', sample, f.name), join(dir, name));
  });
  return dir;
}

/** What a layout must not change: migrations, findings and how cluster log times were read. */
async function analyse(dir: string, nodeMap: NodeMapRule[] = [], db = openStore(':memory:')) {
  const report = await ingestPaths(db, [dir], { force: false, jobs: 1, nodeMap }, silentProgress);
  ensureMigrations(db);
  const { findings } = runDiagnosis(db);
  const migrations = selectMigrations(db).map((m) => ({
    vm: m.vm,
    kind: m.kind,
    source: m.sourceNode,
    destination: m.destinationNode,
    startedAt: m.startedAt,
    endedAt: m.endedAt,
    outcome: m.outcome,
    side: m.failureSide,
    error: m.errorCode,
    gaps: m.gaps,
    steps: m.steps.map((s) => [s.time, s.node, s.phase, s.evidenceTable]),
  }));
  const times = db
    .prepare(
      `SELECT node, time_basis, offset_minutes, basis_origin FROM cluster_log_files
       ORDER BY node`,
    )
    .all();
  return {
    db,
    report,
    outcome: {
      migrations,
      findings: findings.map((f) => [f.migrationId, f.cause, f.verdict, f.summary]),
      times,
    },
  };
}

const nodeProblems = (db: Store) =>
  db
    .prepare(
      "SELECT s.path, e.message FROM ingest_errors AS e JOIN sources AS s ON s.id = e.source_id WHERE e.location = 'node'",
    )
    .all();

const basisOf = (report: IngestReport, pattern: RegExp) =>
  report.nodes.filter((n) => pattern.test(n.path)).map((n) => [n.node, n.basis]);

describe('node attribution: one case, four layouts', () => {
  const tempDir = useTempDir();
  const fresh = (name: string) => {
    const dir = join(tempDir(), name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };

  it('gives the same migrations, findings and time bases for a 2016+ case (headers name the node)', async () => {
    const sample = 'default';
    const base = await analyse(flat(sample, fresh('flat')));
    expect(base.outcome.migrations.length).toBeGreaterThan(0);
    expect(base.outcome.findings.length).toBeGreaterThan(0);
    for (const dir of [
      perNodeFolders(sample, fresh('folders')),
      zipPerNode(sample, fresh('zips')),
      renamed(sample, fresh('renamed'), /\.(evtx|xml|log)$|Processor/),
    ]) {
      const layout = await analyse(dir);
      expect(layout.outcome, dir).toEqual(base.outcome);
      expect(nodeProblems(layout.db), dir).toEqual([]);
    }
  });

  it('gives the same results for a 2008 R2 case whose cluster logs name no node, from folder, file or zip names', async () => {
    const sample = 'network-not-ready-after-restart';
    const base = await analyse(flat(sample, fresh('flat')));
    expect(basisOf(base.report, /_cluster\.log$/)).toEqual([
      ['HV01', 'file-name'],
      ['HV02', 'file-name'],
    ]);
    expect(base.outcome.findings.map((f) => f[1])).toContain('network-not-ready-after-restart');

    const folders = await analyse(perNodeFolders(sample, fresh('folders')));
    expect(basisOf(folders.report, /Cluster\.log$/)).toEqual([
      ['HV01', 'folder'],
      ['HV02', 'folder'],
    ]);
    // The offset is inferred from the events of the node the folder names, as for HV01_cluster.log.
    expect(folders.outcome).toEqual(base.outcome);

    const zips = await analyse(zipPerNode(sample, fresh('zips')));
    expect(basisOf(zips.report, /Cluster\.log$/)).toEqual([
      ['HV01', 'folder'],
      ['HV02', 'folder'],
    ]);
    expect(zips.outcome).toEqual(base.outcome);
    for (const layout of [folders, zips]) expect(nodeProblems(layout.db)).toEqual([]);
  });

  it('reports a file whose node cannot be found, keeps its records, and takes --node-map', async () => {
    const sample = 'network-not-ready-after-restart';
    const base = await analyse(flat(sample, fresh('flat')));
    const dir = renamed(sample, fresh('renamed'), /\.(evtx|xml|log)$/);
    const db = openStore(':memory:');
    const first = await analyse(dir, [], db);
    const logs = first.report.nodes.filter((n) => n.kind === 'cluster-log');
    expect(logs.map((n) => [n.node, n.basis])).toEqual([
      [null, 'unknown'],
      [null, 'unknown'],
    ]);
    expect(logs[0]!.evidence).toMatch(/none names a known node \(HV01, HV02\); give --node-map/);
    const problems = nodeProblems(db) as { message: string }[];
    expect(problems).toHaveLength(2);
    expect(problems[0]!.message).toMatch(/^the node of this file is unknown: tried its content/);
    // Records kept, node unknown.
    expect(db.prepare('SELECT COUNT(*) AS n FROM cluster_log WHERE node IS NULL').get()).toEqual({
      n: 94,
    });

    // The person maps them; the next run decides them without reading anything again.
    const [hv01Log, hv02Log] = logs.map((l) => l.path.split('/').pop()!);
    const mapped = await analyse(
      dir,
      [parseNodeMap(`renamed/${hv01Log}=hv01`), parseNodeMap(`*${hv02Log}=HV02.contoso.local`)],
      db,
    );
    expect(mapped.report.files.every((f) => f.status === 'already-ingested')).toBe(true);
    expect(basisOf(mapped.report, /\.log$/)).toEqual([
      ['HV01', 'node-map'],
      ['HV02', 'node-map'],
    ]);
    expect(nodeProblems(db)).toEqual([]);
    expect(mapped.outcome).toEqual(base.outcome);
  });

  it('shows each node the way the cluster node list spells it, in every table and migration', async () => {
    const sample = 'default';
    const base = await analyse(flat(sample, fresh('flat')));
    const dir = flat(sample, fresh('lower'));
    // The cluster's node list spells the nodes in lower case; events and headers say HV01.
    const list = join(dir, 'Get-ClusterNode.txt');
    const text = readFileSync(list, 'utf16le').replace(
      /\b(Name|NodeName)(\s*): HV0(\d)/g,
      '$1$2: hv0$3',
    );
    writeFileSync(list, text, 'utf16le');
    const lower = await analyse(dir);
    const spellings = lower.db
      .prepare(
        `SELECT node FROM events UNION SELECT node FROM cluster_log UNION SELECT node FROM sources
         UNION SELECT source_node FROM migrations UNION SELECT destination_node FROM migrations
         UNION SELECT node FROM migration_steps UNION SELECT node FROM clock_skew
         UNION SELECT node FROM processors UNION SELECT name FROM cluster_nodes`,
      )
      .pluck()
      .all()
      .filter((n) => n !== null);
    expect(spellings.sort()).toEqual(['hv01', 'hv02', 'hv03']);
    const folded = JSON.parse(JSON.stringify(lower.outcome).replace(/\bhv0(\d)\b/g, 'HV0$1'));
    expect(folded).toEqual(base.outcome);
  });
});
