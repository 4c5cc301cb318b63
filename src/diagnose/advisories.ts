/**
 * Cluster-wide advisories, checked once per case from the configuration captures and the logs
 * (guide.md requirements; DESIGN §6 advisories). Not failures: each says what differs from
 * Microsoft's recommendations, with the rows that show it. Pure.
 */
import type { Diagnosis, FailureCause, Finding } from '../model/diagnosis.js';
import type { CaseInput, ConfigRecord } from './case-input.js';
import { csvRedirectedEvents, csvResumedEvents } from '../catalog/event-groups.js';
import { configEvidence, eventEvidence, eventField, text } from './check-helpers.js';
import { eventsMatchingBetween } from './event-index.js';
import { subnetOf } from './checks-config.js';
import { advisoryFinding as finding } from './advisory-finding.js';
import { coverageAdvisory } from './coverage-advisories.js';

export type Advisory = (input: CaseInput, diagnoses: readonly Diagnosis[]) => Finding[];

const lower = (v: string | null) => (v ?? '').toLowerCase();

/** Networks the cluster uses (role not None / 0). */
function clusterNetworks(input: CaseInput): ConfigRecord[] {
  return input.config.cluster_networks.filter(
    (n) => !['none', '0'].includes(lower(text(n, 'role'))),
  );
}

/** The network CSV prefers: the lowest metric among the cluster's networks. */
function csvNetwork(input: CaseInput): ConfigRecord | null {
  const withMetric = clusterNetworks(input).filter((n) => typeof n.values.metric === 'number');
  return (
    withMetric.sort((a, b) => (a.values.metric as number) - (b.values.metric as number))[0] ?? null
  );
}

/** The cluster-wide migration network setting (resource type row, else the first VM's). */
function migrationSetting(
  input: CaseInput,
): { order: ConfigRecord[]; setting: ConfigRecord } | null {
  const rows = input.config.vm_resources.filter((r) => text(r, 'migration_network_order') !== null);
  const setting = rows.find((r) => r.values.kind === 'resource-type') ?? rows[0];
  if (!setting) return null;
  const split = (v: string | null) =>
    lower(v)
      .split(/[;,]\s*/)
      .filter((s) => s !== '');
  const excluded = new Set(split(text(setting, 'migration_exclude_networks')));
  const order = split(text(setting, 'migration_network_order'))
    .filter((id) => !excluded.has(id))
    .map((id) =>
      input.config.cluster_networks.find(
        (n) => lower(text(n, 'network_id')) === id || lower(text(n, 'name')) === id,
      ),
    )
    .filter((n): n is ConfigRecord => n !== undefined);
  return { order, setting };
}

const migrationNetwork: Advisory = (input) => {
  const networks = clusterNetworks(input);
  if (networks.length === 0) return [];
  const csv = csvNetwork(input);
  const chosen = migrationSetting(input);
  const out: Finding[] = [];
  if (chosen) {
    const dedicated = chosen.order.filter(
      (n) => n !== csv && !lower(text(n, 'role')).includes('client') && text(n, 'role') !== '3',
    );
    const settingNote = configEvidence(
      chosen.setting,
      `MigrationNetworkOrder ${text(chosen.setting, 'migration_network_order')}`,
    );
    if (dedicated.length === 0)
      out.push(
        finding(
          'no-dedicated-migration-network',
          'no network is left to live migration alone: every allowed one also carries CSV or client traffic',
          [
            settingNote,
            ...chosen.order.map((n) =>
              configEvidence(n, `${text(n, 'name')} role ${text(n, 'role')}`),
            ),
          ],
        ),
      );
    const first = chosen.order[0];
    if (first && csv && first.id === csv.id)
      out.push(
        finding(
          'migration-and-csv-share-network',
          `live migration tries ${text(first, 'name')} first, the network CSV prefers (lowest metric ${String(csv.values.metric)})`,
          [
            settingNote,
            configEvidence(csv, `${text(csv, 'name')} metric ${String(csv.values.metric)}`),
          ],
        ),
      );
  } else {
    const internal = networks.filter(
      (n) => !lower(text(n, 'role')).includes('client') && text(n, 'role') !== '3',
    );
    if (internal.length < 2)
      out.push(
        finding(
          'no-dedicated-migration-network',
          `only ${internal.length} cluster-only network(s): live migration shares it with CSV and heartbeat traffic`,
          internal.map((n) => configEvidence(n, `${text(n, 'name')} role ${text(n, 'role')}`)),
        ),
      );
  }
  const ipsec = (chosen?.order ?? []).filter((n) =>
    /ipsec/i.test(`${text(n, 'name') ?? ''} ${text(n, 'description') ?? ''}`),
  );
  if (ipsec.length > 0)
    out.push(
      finding(
        'ipsec-on-migration-network',
        `the configuration marks live-migration network ${ipsec.map((n) => text(n, 'name')).join(', ')} as using IPsec`,
        ipsec.map((n) => configEvidence(n, `${text(n, 'name')}: ${text(n, 'description') ?? ''}`)),
      ),
    );
  return out;
};

const subnets: Advisory = (input) => {
  const out: Finding[] = [];
  for (const network of input.config.cluster_networks) {
    const mask = text(network, 'address_mask');
    const address = text(network, 'address');
    const name = text(network, 'name');
    if (!mask || !address || !name) continue;
    const expected = subnetOf(address, mask);
    const odd = input.config.network_interfaces.filter((i) => {
      if (lower(text(i, 'network')) !== name.toLowerCase()) return false;
      const s = subnetOf(text(i, 'address') ?? '', mask);
      return s !== null && expected !== null && s !== expected;
    });
    if (odd.length > 0)
      out.push(
        finding(
          'subnet-mismatch',
          `on network ${name} (${address}/${mask}) ${odd.map((i) => `${i.node}: ${text(i, 'address')}`).join(', ')} are on another subnet`,
          [
            configEvidence(network, `${name} ${address}/${mask}`),
            ...odd.map((i) => configEvidence(i, `address ${text(i, 'address')}`)),
          ],
        ),
      );
  }
  return out;
};

/** One advisory when a column differs between nodes (first row per node). */
function differsAcrossNodes(
  cause: FailureCause,
  rows: readonly ConfigRecord[],
  column: string,
  what: string,
): Finding[] {
  const byNode = new Map<string, ConfigRecord>();
  for (const r of rows)
    if (r.node && text(r, column) !== null && !byNode.has(r.node.toUpperCase()))
      byNode.set(r.node.toUpperCase(), r);
  const values = new Set(
    [...byNode.values()].map((r) => lower(text(r, column)).replace(/\s+/g, ' ')),
  );
  if (byNode.size < 2 || values.size < 2) return [];
  const list = [...byNode.values()];
  return [
    finding(
      cause,
      `${what} differs between nodes: ${list.map((r) => `${r.node} ${text(r, column)}`).join(', ')}`,
      list.map((r) => configEvidence(r, `${column} ${text(r, column)}`)),
    ),
  ];
}

const hardware: Advisory = (input) => [
  ...differsAcrossNodes(
    'architecture-mismatch',
    input.config.processors,
    'architecture',
    'processor architecture',
  ),
  ...differsAcrossNodes(
    'processor-vendor-mismatch',
    input.config.processors,
    'manufacturer',
    'processor manufacturer',
  ),
  ...differsAcrossNodes(
    'system-drive-mismatch',
    input.config.cluster_nodes,
    'system_drive',
    'system drive',
  ),
];

const switchNames: Advisory = (input) => {
  const names = new Map<string, Set<string>>();
  for (const r of input.config.virtual_switches) {
    if (!r.node || text(r, 'name') === null) continue;
    const set = names.get(r.node.toUpperCase()) ?? new Set<string>();
    set.add(text(r, 'name')!);
    names.set(r.node.toUpperCase(), set);
  }
  const keys = [...names.values()].map((s) => [...s].sort().join(' | '));
  if (names.size < 2 || new Set(keys).size < 2) return [];
  return [
    finding(
      'virtual-network-name-mismatch',
      `virtual switch names differ between nodes: ${[...names].map(([n, s]) => `${n} ${[...s].join(', ')}`).join('; ')}`,
      input.config.virtual_switches.map((r) => configEvidence(r, `switch "${text(r, 'name')}"`)),
    ),
  ];
};

const csvLeftRedirected: Advisory = (input) => {
  const all = eventsMatchingBetween(input.events, csvRedirectedEvents, -Infinity, Infinity);
  const resumed = eventsMatchingBetween(input.events, csvResumedEvents, -Infinity, Infinity);
  const open = all.filter((e) => {
    const volume = eventField(e, 'volume');
    return !resumed.some(
      (r) =>
        r.node === e.node &&
        r.time > e.time &&
        (volume === null || Object.values(r.data).includes(volume)),
    );
  });
  if (open.length === 0) return [];
  return [
    finding(
      'csv-redirected-io',
      `CSV ${[...new Set(open.map((e) => eventField(e, 'volume') ?? '?'))].join(', ')} entered redirected I/O and the logs never show it back to direct access`,
      open.map((e) => eventEvidence(e, `CSV ${eventField(e, 'volume') ?? ''} redirected`)),
    ),
  ];
};

/** Slow migrations that neither a CSV nor a backup explains point at the network (20417). */
const slowNetwork: Advisory = (_input, diagnoses) => {
  const slow = diagnoses.filter((d) => d.conclusion === 'slow-unexplained');
  if (slow.length === 0) return [];
  return [
    finding(
      'slow-migration-network',
      `migration ${slow.map((d) => `#${d.migrationId}`).join(', ')} had a long blackout that no CSV or backup problem explains`,
      slow.flatMap((d) => d.evidence),
    ),
  ];
};

const advisories: readonly Advisory[] = [
  migrationNetwork,
  subnets,
  hardware,
  switchNames,
  csvLeftRedirected,
  slowNetwork,
  coverageAdvisory,
];

/**
 * Every cluster-wide advisory of the case; none when nothing collected comes from a cluster
 * node (a workstation's or a domain controller's logs say nothing about a cluster). Pure.
 */
export function clusterAdvisories(
  input: CaseInput,
  diagnoses: readonly Diagnosis[] = [],
): Finding[] {
  if (!input.clusterEvidence) return [];
  return advisories.flatMap((a) => a(input, diagnoses));
}
