import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildZip } from '../../test/support/build-zip.js';
import { evtxTemplateSeeds } from './evtx-template-seeds.js';
import type { FuzzTargetName } from './fuzz-targets.js';

/** EVTX seeds keep the file header and the first chunks only, so each input stays quick. */
const evtxSeedSizeInBytes = 4096 + 2 * 65536;
const textSeedSizeInBytes = 24 * 1024;

const queryListSeeds = [
  `<QueryList><Query Id="0" Path="Microsoft-Windows-Hyper-V-VMMS-Admin"><Select Path="Microsoft-Windows-Hyper-V-VMMS-Admin">*[System[(Level=1 or Level=2) and (EventID=20417 or EventID=21502)]]</Select></Query></QueryList>`,
  `<QueryList>
  <Query Id="0" Path="System">
    <Select Path="System">*[System[Provider[@Name='Microsoft-Windows-FailoverClustering'] and TimeCreated[timediff(@SystemTime) &lt;= 86400000]]]</Select>
    <Suppress Path="System">*[System[band(Keywords,4503599627370496)]]</Suppress>
    <Select Path="Microsoft-Windows-Hyper-V-High-Availability-Admin">*[EventData[Data[@Name='VmName']='VM01'] and System[EventID!=21111]]</Select>
  </Query>
</QueryList>`,
];

/** SQL for the `query` target: hostile forms as well as ordinary ones. */
const querySeeds = [
  'SELECT * FROM events ORDER BY time LIMIT 5',
  'PRAGMA "query_only" = OFF',
  'PRAGMA /* x */ [cache_size](5)',
  "SELECT * FROM pragma_table_info('events')",
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) SELECT i, printf('=%d', i) FROM n",
  "VALUES (1, '@x'), (2, NULL)",
  'SELECT 1; DELETE FROM events',
  "ATTACH ':memory:' AS x",
  'SELECT node, COUNT(*) FROM events GROUP BY node HAVING COUNT(*) > :n',
];

/** The canned queries shipped in queries/. */
function cannedQueries(): string[] {
  return filesUnder('queries', (name) => name.endsWith('.sql')).map((path) =>
    readFileSync(path, 'utf8'),
  );
}

/** Every file under `folder` whose name passes `keep`, sorted for a stable order. */
function filesUnder(folder: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path, keep));
    else if (entry.isFile() && keep(entry.name)) found.push(path);
  }
  return found.sort();
}

function head(path: string, bytes: number): Buffer {
  const data = readFileSync(path);
  return data.subarray(0, Math.min(data.length, bytes));
}

/** Drops byte-identical seeds (sample scenarios repeat many files). */
function distinct(seeds: Buffer[]): Buffer[] {
  const seen = new Set<string>();
  return seeds.filter((seed) => {
    const key = seed.toString('base64');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Starting inputs for each target: the sample scenarios (`sampleLogs`), the shared EVTX corpus
 * (`evtxCorpus`, skipped when absent) and a few built in code (QueryLists, zips of sample files).
 * Deterministic for the same folders.
 */
export function loadFuzzSeeds(
  sampleLogs: string,
  evtxCorpus: string | null,
): Record<FuzzTargetName, Buffer[]> {
  const evtx = filesUnder(sampleLogs, (name) => name.endsWith('.evtx'));
  const corpus = evtxCorpus
    ? filesUnder(join(evtxCorpus, 'files'), (n) => n.endsWith('.evtx'))
    : [];
  const xml = filesUnder(sampleLogs, (name) => name.endsWith('.xml'));
  const clusterLogs = filesUnder(sampleLogs, (name) => name.endsWith('_cluster.log'));
  const configs = filesUnder(sampleLogs, (name) => name.endsWith('.txt'));

  const clusterSeeds = distinct(clusterLogs.map((path) => head(path, textSeedSizeInBytes)));
  const configSeeds = distinct(configs.map((path) => readFileSync(path)));
  const xmlSeeds = distinct(xml.map((path) => head(path, textSeedSizeInBytes)));
  const zipSeeds = [
    buildZip([
      { name: 'HV01/Get-ClusterNetwork.txt', data: configSeeds[0] ?? 'Name : x' },
      { name: 'HV01/events.xml', data: xmlSeeds[0] ?? '<Events></Events>' },
    ]),
    buildZip([
      { name: 'HV02_cluster.log', data: (clusterSeeds[0] ?? Buffer.alloc(0)).subarray(0, 4096) },
      { name: 'stored.txt', data: configSeeds[1] ?? 'Name : y', deflate: false },
      { name: 'inner.zip', data: buildZip([{ name: 'a/b.txt', data: 'Name : z' }]) },
    ]),
  ];
  return {
    evtx: [
      ...distinct([...evtx, ...corpus].map((path) => head(path, evtxSeedSizeInBytes))),
      ...evtxTemplateSeeds(16, 17),
    ],
    'xml-export': xmlSeeds,
    'cluster-log': clusterSeeds,
    config: configSeeds,
    'query-list': queryListSeeds.map((text) => Buffer.from(text, 'utf8')),
    zip: zipSeeds,
    query: [...querySeeds, ...cannedQueries()].map((text) => Buffer.from(text, 'utf8')),
  };
}

/** True when `path` exists and is a folder. */
export function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
