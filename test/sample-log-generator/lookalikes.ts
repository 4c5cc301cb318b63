/**
 * Look-alike events: events of providers other than the cluster's that reuse every event id
 * lmdoctor's catalogue knows (issue 21). Event ids are unique only within a provider:
 * Microsoft-Windows-Security-Auditing 5136 in Security ("a directory service object was
 * modified") is not FailoverClustering 5136 (CSV redirected). The values are chosen to fool a
 * reader that matches by id or by text: a volume path, `Cluster Service` / `stopped`, a VM
 * resource, a node name.
 *
 * Used for the `non-cluster-lookalikes` sample folder (a domain controller, a workstation and
 * a file server, no cluster) and mixed into a failing cluster case in tests (the same
 * providers written on the cluster nodes). Deterministic.
 */
import { catalogEvents } from '../../src/catalog/events/index.js';
import { toEvtxRecords, type GenEvent, type ProviderInfo } from './gen-event.js';
import { writeEvtx } from './evtx/write-evtx.js';
import { Rng } from './rng.js';
import { parseUtc, ticksPerMs, unixEpochTicks } from './simulation-context.js';
import { eventsToXmlExport } from './write-event-xml.js';

/** The sample folder of look-alikes alone. */
export const lookalikeFolder = 'non-cluster-lookalikes';

/** Where one machine writes its look-alikes: a channel and the providers taking turns in it. */
interface ChannelPlan {
  channel: string;
  providers: ProviderInfo[];
}

export interface LookalikeMachine {
  name: string;
  computer: string;
  /** Every catalogue id is written once into each of these channels, providers in turn. */
  channels: ChannelPlan[];
}

const security: ChannelPlan = {
  channel: 'Security',
  providers: [
    {
      name: 'Microsoft-Windows-Security-Auditing',
      guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}',
    },
  ],
};
const application: ChannelPlan = {
  channel: 'Application',
  providers: [
    { name: 'MSSQLSERVER' },
    { name: 'Microsoft-Windows-Winlogon', guid: '{DBE9B383-7CF3-4331-91CC-A3CB16A3B538}' },
    { name: 'ESENT' },
  ],
};
const system: ChannelPlan = {
  channel: 'System',
  providers: [
    {
      name: 'Microsoft-Windows-Time-Service',
      guid: '{06EDCFEB-0FD0-4E53-ACCA-A6F8BBF81BCB}',
    },
    // A Hyper-V guest's network driver: a VM, not a Hyper-V host.
    {
      name: 'Microsoft-Windows-Hyper-V-Netvsc',
      guid: '{152FBE4B-C7AD-4F68-BADA-A4FCC1464F6C}',
    },
    { name: 'EventLog' },
  ],
};
/** Failover Cluster Manager on an administrator's workstation: not a cluster node. */
const clusterManager: ChannelPlan = {
  channel: 'Microsoft-Windows-FailoverClustering-Manager/Admin',
  providers: [
    {
      name: 'Microsoft-Windows-FailoverClustering-Manager',
      guid: '{11B3C6B7-E06F-4191-BBB9-7099FFF55614}',
    },
  ],
};
const directoryService: ChannelPlan = {
  channel: 'Directory Service',
  providers: [{ name: 'Microsoft-Windows-ActiveDirectory_DomainService' }],
};

/** The machines of the look-alike sample folder: not one of them is a cluster node. */
export const lookalikeMachines: readonly LookalikeMachine[] = [
  { name: 'DC01', computer: 'DC01.fabrikam.local', channels: [security, directoryService, system] },
  {
    name: 'WS01',
    computer: 'WS01.fabrikam.local',
    channels: [application, system, clusterManager],
  },
  { name: 'FS01', computer: 'FS01.fabrikam.local', channels: [security, application, system] },
];

/** The channels a cluster node also writes look-alikes to (no cluster provider among them). */
export const nodeLookalikeChannels: readonly ChannelPlan[] = [security, application];

/** Values that fool a reader matching by id or by text; taken in turn, five per event. */
const decoys = [
  'Volume1',
  'C:\\ClusterStorage\\Volume1',
  'Cluster Service',
  'stopped',
  'Virtual Machine EXCH01',
  'HV02',
  'running',
  'Cluster Network 1',
  'EXCH01',
  '0x000013AB',
  'Cluster Disk 2',
];

/** Every event id the catalogue knows, ascending, each once. */
export function catalogueIds(): number[] {
  return [...new Set(catalogEvents.map((e) => e.eventId))].sort((a, b) => a - b);
}

/**
 * Look-alike events of some machines between two UTC times: for each machine and each of its
 * channels, one event of every catalogue id (providers of the channel in turn), at random
 * times; each channel's list in time order with record numbers. Pure (seeded).
 */
export function lookalikeEvents(
  machines: readonly LookalikeMachine[],
  start: string,
  end: string,
  seed: number,
): Map<string, Map<string, GenEvent[]>> {
  const rng = new Rng(seed);
  const from = parseUtc(start);
  const to = parseUtc(end);
  const ids = catalogueIds();
  const out = new Map<string, Map<string, GenEvent[]>>();
  for (const machine of machines) {
    const byChannel = new Map<string, GenEvent[]>();
    for (const plan of machine.channels) {
      const list: GenEvent[] = ids.map((eventId, i) => {
        const provider = plan.providers[i % plan.providers.length]!;
        const values = Array.from({ length: 5 }, (_, k) => decoys[(i + k) % decoys.length]!);
        const ms = from + Math.floor(rng.next() * (to - from));
        return {
          node: machine.name,
          computer: machine.computer,
          channel: plan.channel,
          provider,
          eventId,
          version: 0,
          level: 4,
          task: 0,
          opcode: 0,
          keywords: plan.channel === 'Security' ? 0x8020000000000000n : 0x80000000000000n,
          time: BigInt(ms) * ticksPerMs + unixEpochTicks + BigInt(rng.int(0, 9999)),
          recordId: 0,
          processId: rng.int(400, 9000),
          threadId: rng.int(400, 9000),
          payload: {
            kind: 'eventData',
            fields: values.map((value, k) => ({
              // Security-Auditing names its fields; the classic sources do not.
              ...(plan === security ? { name: `Field${k + 1}` } : {}),
              value: { type: 'string', value },
            })),
          },
          rendering: {
            culture: 'en-US',
            message: `${provider.name} event ${eventId}: ${values.join(', ')}.`,
            level: 'Information',
            task: '',
            opcode: 'Info',
            channel: plan.channel,
            provider: provider.name,
            keywords: [],
          },
        };
      });
      list.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
      list.forEach((e, k) => (e.recordId = 1000 + k));
      byChannel.set(plan.channel, list);
    }
    out.set(machine.name, byChannel);
  }
  return out;
}

/**
 * The files of look-alike events: one `.evtx` per machine and channel, and the Application
 * and Directory Service channels also as `wevtutil /f:RenderedXml` exports. Pure.
 */
export function lookalikeFiles(events: Map<string, Map<string, GenEvent[]>>): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const [machine, byChannel] of events) {
    for (const [channel, list] of byChannel) {
      const name = `${machine}-${channel.replace(/[/ ]/g, '-')}`;
      files.set(`${name}.evtx`, writeEvtx(toEvtxRecords(list)).bytes);
      if (channel === 'Application' || channel === 'Directory Service')
        files.set(`${name}.rendered.xml`, eventsToXmlExport(list, true));
    }
  }
  return files;
}

/** The look-alike sample folder: its files, README and expected.json. Pure. */
export function lookalikeFolderFiles(): Map<string, Buffer> {
  const start = '2020-03-02T08:00:00Z';
  const end = '2020-03-02T18:00:00Z';
  const files = lookalikeFiles(lookalikeEvents(lookalikeMachines, start, end, 2120));
  const ids = catalogueIds();
  const expected = {
    scenario: lookalikeFolder,
    nodes: lookalikeMachines.map((m) => m.name),
    looksLikeCluster: false,
    migrations: [],
    findings: [],
    catalogueIdsReused: ids.length,
  };
  files.set('expected.json', Buffer.from(`${JSON.stringify(expected, null, 2)}\n`, 'utf8'));
  const readme = [
    `# ${lookalikeFolder}`,
    '',
    'Logs of three machines that are not cluster nodes: a domain controller (DC01: Security, Directory Service, System), a workstation with Failover Cluster Manager installed (WS01: Application, System, FailoverClustering-Manager/Admin) and a file server (FS01: Security, Application, System).',
    '',
    `Every event id lmdoctor's catalogue knows (${ids.length} ids) appears in each of these channels, written by providers that are not the cluster's: Microsoft-Windows-Security-Auditing (5136 in Security is "a directory service object was modified", not a CSV in redirected access), MSSQLSERVER, Winlogon, ESENT, Time-Service, a guest's Hyper-V-Netvsc, EventLog, FailoverClustering-Manager, ActiveDirectory_DomainService. Their values read like cluster ones (a CSV volume, "Cluster Service" "stopped", a VM resource, a node name).`,
    '',
    'Expected: no migration, no diagnosis, no advisory, and the analyze summary says that the inputs do not look like cluster nodes. The events are generated; names and values are invented.',
    '',
  ].join('\n');
  files.set('README.md', Buffer.from(readme, 'utf8'));
  return files;
}
