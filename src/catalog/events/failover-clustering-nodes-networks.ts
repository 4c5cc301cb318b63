/**
 * FailoverClustering membership and network events (events.md §1d "Membership / networks").
 * Field names of these events were not found in any source; fields are bound by position.
 * Pure data.
 */
import type { CatalogEvent } from '../types.js';
import { failoverClustering } from './failover-clustering-shared.js';

const unreachableText = /is unreachable by at least one other cluster node/i;
const operationalText = /is operational \(up\)/i;
const interfaceUnreachableTemplate =
  "Cluster network interface '%1' for cluster node '%2' on network '%3' is unreachable by at least one other cluster node attached to the network. The failover cluster was not able to determine the location of the failure.";

export const nodeAndNetworkEvents: CatalogEvent[] = [
  failoverClustering({
    eventId: 1135,
    level: 'Critical',
    symbolicName: 'EVENT_NODE_DOWN',
    category: 'node',
    role: 'node-down',
    side: null,
    fields: { node: 1 },
    template:
      "Cluster node '%1' was removed from the active failover cluster membership. The Cluster service on this node may have stopped. This could also be due to the node having lost communication with other active nodes in the failover cluster. Run the Validate a Configuration wizard…",
    versions: ['2008', '2008 R2', '2016+'],
    sources: ['S3', 'S2', 'S23'],
    cause: 'node-down',
    meaning:
      'A node left active membership (logged on the surviving nodes); a migration involving it cannot complete and its VMs fail over.',
  }),
  failoverClustering({
    eventId: 1177,
    level: 'Critical',
    symbolicName: 'MM_EVENT_ARBITRATION_FAILED',
    category: 'node',
    role: 'cluster-service-stop',
    side: null,
    fields: {},
    template: 'The Cluster service is shutting down because quorum was lost. …',
    sources: ['S3'],
    cause: 'node-down',
    meaning: 'Quorum was lost; the cluster service on this node is stopping.',
  }),
  failoverClustering({
    eventId: 1006,
    level: 'Critical',
    symbolicName: 'NM_EVENT_MEMBERSHIP_HALT',
    category: 'node',
    role: 'cluster-service-stop',
    side: null,
    fields: {},
    template: 'Cluster service was halted due to incomplete connectivity with other cluster nodes.',
    sources: ['S3'],
    cause: 'node-down',
    meaning: 'The cluster service halted for lack of connectivity to the other nodes.',
  }),
  failoverClustering({
    eventId: 1553,
    level: 'Critical',
    category: 'network',
    role: 'network-down',
    side: null,
    fields: {},
    template: 'This cluster node has no network connectivity. …',
    sources: ['S3'],
    meaning: 'This node has no network connectivity at all.',
  }),
  failoverClustering({
    eventId: 1554,
    level: 'Critical',
    category: 'network',
    role: 'network-down',
    side: null,
    fields: {},
    template: 'This cluster node has lost all network connectivity. …',
    sources: ['S3'],
    meaning: 'This node lost all network connectivity.',
  }),
  failoverClustering({
    eventId: 1672,
    level: 'Critical',
    symbolicName: 'EVENT_NODE_QUARANTINED',
    category: 'node',
    role: 'node-down',
    side: null,
    fields: { node: 1 },
    template: "Cluster node '%1' has been quarantined. …",
    sources: ['S3'],
    cause: 'node-down',
    meaning: 'The node was quarantined (%2 count, %3 time) and is kept out of the cluster.',
  }),
  failoverClustering({
    eventId: 1126,
    level: 'Warning',
    category: 'network',
    role: 'interface-unreachable',
    side: null,
    fields: { interface: 1, node: 2, network: 3 },
    template: interfaceUnreachableTemplate,
    versions: [],
    sources: ['S2', 'S18', 'S3'],
    verified: false,
    textRoles: [
      { pattern: unreachableText, role: 'interface-unreachable' },
      { pattern: operationalText, role: 'interface-up' },
    ],
    meaning:
      "A node's cluster network interface is unreachable from another node. Conflict: S2 and Veeam give this text to 1126, S3 prints it under 1125 (events.md §4); matched by text.",
  }),
  failoverClustering({
    eventId: 1125,
    level: null,
    category: 'network',
    role: 'interface-up',
    side: null,
    fields: { interface: 1, node: 2, network: 3 },
    template:
      "Cluster network interface '%1' for cluster node '%2' on network '%3' is operational (up).",
    sources: ['S2', 'S3'],
    verified: false,
    textRoles: [
      { pattern: unreachableText, role: 'interface-unreachable' },
      { pattern: operationalText, role: 'interface-up' },
    ],
    variants: [
      {
        template: interfaceUnreachableTemplate,
        fields: { interface: 1, node: 2, network: 3 },
        symbolicName: 'TM_EVENT_CLUSTER_NETINTERFACE_UNREACHABLE',
        versions: ['2016+'],
      },
    ],
    meaning:
      'Conflict: S2 says 1125 = interface operational (up) (only "… is operational (up)" is quoted, so the template is completed from 1128); S3 prints the "unreachable" text under 1125. Matched by text (events.md §4).',
  }),
  failoverClustering({
    eventId: 1127,
    level: 'Error',
    symbolicName: 'TM_EVENT_CLUSTER_NETINTERFACE_FAILED',
    category: 'network',
    role: 'interface-failed',
    side: null,
    fields: { interface: 1, node: 2, network: 3 },
    template: "Cluster network interface '%1' for cluster node '%2' on network '%3' failed. …",
    sources: ['S3', 'S2'],
    meaning: "A node's cluster network interface failed.",
  }),
  failoverClustering({
    eventId: 1128,
    level: 'Information',
    category: 'network',
    role: 'network-up',
    side: null,
    fields: { network: 1 },
    template:
      "Cluster network '%1' is operational (up). All available failover cluster nodes attached to the network can communicate using it.",
    versions: [],
    sources: ['S2'],
    meaning: 'A cluster network is back up (not in S3; level from S2 context).',
  }),
  failoverClustering({
    eventId: 1129,
    level: 'Error',
    symbolicName: 'TM_EVENT_CLUSTER_NETWORK_PARTITIONED',
    category: 'network',
    role: 'network-partitioned',
    side: null,
    fields: { network: 1 },
    template:
      "Cluster network '%1' is partitioned. Some attached failover cluster nodes cannot communicate with each other over the network. …",
    sources: ['S3', 'S2'],
    meaning: 'A cluster network is partitioned: some nodes cannot reach each other over it.',
  }),
  failoverClustering({
    eventId: 1130,
    level: 'Error',
    symbolicName: 'TM_EVENT_CLUSTER_NETWORK_DOWN',
    category: 'network',
    role: 'network-down',
    side: null,
    fields: { network: 1 },
    template:
      "Cluster network '%1' is down. None of the available nodes can communicate using this network. …",
    sources: ['S3', 'S2'],
    cause: 'no-migration-network',
    meaning:
      'A cluster network is down; if it was the only network enabled for live migration this is the usual root of a 21126/0x13AB failure (inference, events.md §1d).',
  }),
  failoverClustering({
    eventId: 1592,
    level: 'Information',
    symbolicName: 'CLUSSVC_TCP_RECONNECT_CONNECTION_REESTABLISHED',
    category: 'network',
    role: 'context',
    side: null,
    fields: { node: 1 },
    template:
      "Cluster node '%1' lost communication with cluster node '%2'. Network communication was reestablished. …",
    sources: ['S3'],
    meaning: 'A short network blip between two nodes (%1, %2); communication came back.',
  }),
  failoverClustering({
    eventId: 1569,
    level: 'Error',
    symbolicName: 'SERVICE_USING_RESTRICTED_NETWORK',
    category: 'network',
    role: 'context',
    side: null,
    fields: { network: 1, node: 2 },
    template:
      "Network '%1' which has been disabled for failover cluster use, was found to be the only currently possible network that node '%2' can use …",
    sources: ['S3'],
    meaning: 'Only a network disabled for cluster use is left for a node.',
  }),
];
