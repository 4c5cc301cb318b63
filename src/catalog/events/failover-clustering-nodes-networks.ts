/**
 * FailoverClustering membership and network events (events.md §1d "Membership / networks").
 * Field names of these events were not found in any source; fields are bound by position.
 * Pure data.
 */
import type { CatalogEvent } from '../types.js';
import { failoverClustering, operationalChannel } from './failover-clustering-shared.js';

const unreachableText = /is unreachable by at least one other cluster node/i;
const operationalText = /is operational \(up\)/i;
const interfaceUnreachableTemplate =
  "Cluster network interface '%1' for cluster node '%2' on network '%3' is unreachable by at least one other cluster node attached to the network. The failover cluster was not able to determine the location of the failure. Run the Validate a Configuration wizard to check your network configuration. If the condition persists, check for hardware or software errors related to the network adapter. Also check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.";

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
      "Cluster node '%1' was removed from the active failover cluster membership. The Cluster service on this node may have stopped. This could also be due to the node having lost communication with other active nodes in the failover cluster. Run the Validate a Configuration wizard to check your network configuration. If the condition persists, check for hardware or software errors related to the network adapters on this node. Also check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.",
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
    template:
      'The Cluster service is shutting down because quorum was lost. This could be due to the loss of network connectivity between some or all nodes in the cluster, or a failover of the witness disk. \nRun the Validate a Configuration wizard to check your network configuration. If the condition persists, check for hardware or software errors related to the network adapter. Also check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.',
    sources: ['S3', 'S2'],
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
    template:
      'This cluster node has no network connectivity. It cannot participate in the cluster until connectivity is restored.  Run the Validate a Configuration wizard to check your network configuration. If the condition persists, check for hardware or software errors related to the network adapter. Also check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.',
    sources: ['S3', 'S2'],
    meaning: 'This node has no network connectivity at all.',
  }),
  failoverClustering({
    eventId: 1554,
    level: 'Critical',
    category: 'network',
    role: 'network-down',
    side: null,
    fields: {},
    template:
      'This cluster node has lost all network connectivity. It cannot participate in the cluster until connectivity is restored. The cluster service on this node will be terminated.',
    sources: ['S3', 'S2'],
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
    template:
      "Cluster node '%1' has been quarantined.  The node experienced '%2' consecutive failures within a short amount of time and has been removed from the cluster to avoid further disruptions. The node will be quarantined until '%3' and then the node will automatically attempt to re-join the cluster.\n\nRefer to the System and Application event logs to determine the issues on this node.  When the issue is resolved, quarantine can be manually cleared to allow the node to rejoin with the 'Start-ClusterNode –ClearQuarantine' Windows PowerShell cmdlet.\n\nNode Name : %1\nNumber of consecutive cluster membership loses: %2\nTime quarantine will be automatically cleared: %3",
    sources: ['S3', 'S2'],
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
      "Cluster network interface '%1' for cluster node '%2' on network '%3' is operational (up). The node can communicate with all other available failover cluster nodes on the network.",
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
      'Conflict: S2 says 1125 = interface operational (up); S3 prints the "unreachable" text under 1125 (TM_EVENT_CLUSTER_NETINTERFACE_UNREACHABLE). Matched by text (events.md §4).',
  }),
  failoverClustering({
    eventId: 1127,
    level: 'Error',
    symbolicName: 'TM_EVENT_CLUSTER_NETINTERFACE_FAILED',
    category: 'network',
    role: 'interface-failed',
    side: null,
    fields: { interface: 1, node: 2, network: 3 },
    template:
      "Cluster network interface '%1' for cluster node '%2' on network '%3' failed. Run the Validate a Configuration wizard to check your network configuration. If the condition persists, check for hardware or software errors related to the network adapter. Also check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.",
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
      "Cluster network '%1' is partitioned. Some attached failover cluster nodes cannot communicate with each other over the network. The failover cluster was not able to determine the location of the failure. Run the Validate a Configuration wizard to check your network configuration. If the condition persists, check for hardware or software errors related to the network adapter. Also check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.",
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
      "Cluster network '%1' is down. None of the available nodes can communicate using this network. Run the Validate a Configuration wizard to check your network configuration. If the condition persists, check for hardware or software errors related to the network adapter. Also check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.",
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
      "Cluster node '%1' lost communication with cluster node '%2'.  Network communication was reestablished. This could be due to communication temporarily being blocked by a firewall or connection security policy update. If the problem persists and network communication are not reestablished, the cluster service on one or more nodes will stop.  If that happens, run the Validate a Configuration wizard to check your network configuration. Additionally, check for hardware or software errors related to the network adapters on this node, and check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.",
    sources: ['S3', 'S2'],
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
      "Network '%1' which has been disabled for failover cluster use, was found to be the only currently possible network that node '%2' can use to communicate with other nodes in the cluster. This may impact the node's ability to participate in the cluster. Please verify network connectivity of node '%2' and enable at least one network for cluster communication. Run the Validate a Configuration wizard to check your network configuration.",
    sources: ['S3', 'S2'],
    meaning: 'Only a network disabled for cluster use is left for a node.',
  }),
  failoverClustering({
    eventId: 1650,
    channels: [operationalChannel],
    level: null,
    category: 'network',
    role: 'context',
    side: null,
    fields: { interface: 1 },
    template:
      'Cluster has lost the UDP connection from local endpoint %1 connected to remote endpoint %2.',
    versions: [],
    sources: ['S2', 'cluster-log.md §5.7'],
    verified: false,
    variants: [
      {
        template:
          'Cluster has established a UDP connection from local endpoint %1 connected to remote endpoint %2.',
        fields: { interface: 1 },
        symbolicName: null,
        versions: [],
      },
      {
        template:
          'Microsoft Failover Cluster Virtual Adapter (NetFT) has missed more than 40 percent of consecutive heartbeats.\n\nLocal endpoint: %1\nRemote endpoint: %2',
        fields: { interface: 1 },
        symbolicName: null,
        versions: [],
      },
    ],
    textRoles: [
      { pattern: /has lost the UDP connection/i, role: 'interface-unreachable' },
      { pattern: /missed more than 40 percent/i, role: 'interface-unreachable' },
      { pattern: /has established a UDP connection/i, role: 'interface-up' },
    ],
    meaning:
      'NetFT lost or established the UDP connection between two endpoints, or missed over 40 % of heartbeats (three wordings, one id). Named by cluster-log.md §5.7, not by events.md §1; channel not confirmed.',
  }),
  failoverClustering({
    eventId: 1673,
    level: null,
    category: 'node',
    role: 'context',
    side: null,
    fields: { node: 1 },
    template: "Cluster node '%1' has entered the isolated state.",
    versions: ['2016+'],
    sources: ['S3', 'S2'],
    cause: 'node-down',
    variants: [
      {
        template: "Resource '%1' moved from group '%2' on node '%3' to group '%4' on node '%5'.",
        fields: { resource: 1 },
        symbolicName: null,
        versions: [],
      },
    ],
    meaning:
      'A node is isolated (lost cluster communication); its VMs keep running unmonitored and fail over if it does not return. S2 also lists a "resource moved" wording under 1673.',
  }),
  failoverClustering({
    eventId: 1680,
    level: null,
    category: 'node',
    role: 'node-up',
    side: null,
    fields: { node: 1 },
    template: "Cluster node '%1' has exited the isolated state.",
    versions: ['2016+'],
    sources: ['S3', 'S2'],
    meaning: 'An isolated node is back in communication with the cluster.',
  }),
  failoverClustering({
    eventId: 1681,
    level: null,
    category: 'node',
    role: 'context',
    side: null,
    fields: { node: 1 },
    template:
      "Virtual machines on node '%1' have entered an unmonitored state. The virtual machines health will be monitored again once the node returns from an isolated state or may failover if the node does not return. The virtual machine no longer being monitored are: %2.",
    versions: ['2016+'],
    sources: ['S3', 'S2'],
    cause: 'node-down',
    meaning: 'The VMs (%2) of an isolated node are no longer monitored.',
  }),
  failoverClustering({
    eventId: 1682,
    level: null,
    category: 'node',
    role: 'context',
    side: null,
    fields: { node: 1 },
    template:
      "Node '%1' has rejoined the cluster and the following virtual machines running on that node are once again having their health state monitored: %2.",
    versions: ['2016+'],
    sources: ['S3', 'S2'],
    variants: [
      {
        template:
          "Virtual machine '%2' which was unmonitored on the isolated node '%1' has been failed over to another node. The health of the virtual machine is once again being monitored.",
        fields: { node: 1, vmName: 2 },
        symbolicName: null,
        versions: ['2016+'],
      },
    ],
    meaning:
      'VMs of a formerly isolated node are monitored again: the node rejoined, or the VM (%2) was failed over to another node.',
  }),
  failoverClustering({
    eventId: 2051,
    channels: ['Microsoft-Windows-FailoverClustering-Diagnostic'],
    level: null,
    category: 'service',
    role: 'context',
    side: null,
    fields: {},
    template: '%1',
    versions: [],
    sources: ['S21', 'S2'],
    verified: false,
    meaning:
      'Diagnostic channel record whose only field (Data LogString) is one cluster log line: match it with the cluster log patterns. Known from a paste-grade dump only.',
  }),
];
