import { describe, expect, it } from 'vitest';
import { clusterLogPatterns } from '../../src/catalog/cluster-log-patterns.js';
import { matchClusterLogLine } from '../../src/catalog/lookup.js';
import { parseLogLine, splitComponent } from '../../src/readers/cluster-log/parse-log-line.js';

/**
 * Component and message of a line quoted in cluster-log.md: full lines go through the reader's
 * grammar; copies whose PID/TID/date (or time) were dropped by their blog are cut after the level.
 */
function split(line: string): { component: string | null; message: string } {
  const parsed = parseLogLine(line);
  if (parsed) return { component: parsed.component, message: parsed.message };
  const rest = /^(?:\d{2}:\d{2}:\d{2}\.\d{3} )?[A-Z]{2,5}\s+(.*)$/.exec(line)?.[1];
  if (rest === undefined) throw new Error(`not a cluster log line: ${line}`);
  return splitComponent(rest);
}

function match(line: string) {
  const { component, message } = split(line);
  return matchClusterLogLine(component, message);
}

/** REAL lines of cluster-log.md §2 and §5 with the pattern and fields each must give. */
const realLines: [line: string, id: string, fields: Record<string, string>][] = [
  [
    '000011d0.00000f80::2011/08/05-13:47:42.465 INFO  [RCM] rcm::RcmApi::MoveGroup: (ag, 2)',
    'rcm-move-group-request',
    { group: 'ag', destinationNodeId: '2' },
  ],
  [
    "000011d0.00000f80::2011/08/05-13:47:42.480 INFO  [RCM] rcm::RcmGroup::Move: Bringing group 'ag' offline first...",
    'rcm-move-offline-first',
    { group: 'ag' },
  ],
  [
    '000011d0.00000f80::2011/08/05-13:47:42.496 INFO  [RCM] TransitionToState(ag) Online-->OfflineCallIssued.',
    'rcm-transition-to-state',
    { group: 'ag', previousState: 'Online', state: 'OfflineCallIssued' },
  ],
  [
    '00000c40.00000a34::2011/08/10-18:42:29.498 INFO  [RHS] Resource ag has come offline. RHS is about to report resource status to RCM.',
    'rhs-resource-offline',
    { resource: 'ag' },
  ],
  [
    '0000110c.00002bcc::2020/08/06-01:17:54.943 INFO  [RCM] move of group AOCProd01AG from CO2ICMV3SQL09(1) to CO2ICMV3SQL10(2) of type MoveType::Manual is about to succeed, failoverCount=3, lastFailoverTime=2020/08/05-02:08:54.524 targeted=true',
    'rcm-move-about-to-succeed',
    {
      group: 'AOCProd01AG',
      sourceNode: 'CO2ICMV3SQL09',
      sourceNodeId: '1',
      destinationNode: 'CO2ICMV3SQL10',
      destinationNodeId: '2',
      moveType: 'Manual',
    },
  ],
  [
    '21:17:42.347 INFO  [RCM] move of group Cluster Group from SVR13(2) to SVR13(2) of type MoveType::NodeDown is about to succeed, failoverCount=0, lastFailoverTime=1601/01/01-00:00:00.000 targeted=false',
    'rcm-move-about-to-succeed',
    {
      group: 'Cluster Group',
      sourceNode: 'SVR13',
      sourceNodeId: '2',
      destinationNode: 'SVR13',
      destinationNodeId: '2',
      moveType: 'NodeDown',
    },
  ],
  [
    '21:17:42.347 INFO  [RCM] Res File Share Witness: Offline -> OnlineCallIssued( StateUnknown )',
    'rcm-resource-state',
    { resource: 'File Share Witness', previousState: 'Offline', state: 'OnlineCallIssued' },
  ],
  [
    "WARN [RCM] HandleMonitorReply: ONLINERESOURCE for 'FSCAP01', gen(8) result 5015.",
    'rcm-online-result-failed',
    { resource: 'FSCAP01', errorCode: '5015' },
  ],
  [
    'WARN [RHS] Resource FSCAP01 has indicated that it cannot come online on this node.',
    'rhs-cannot-come-online',
    { resource: 'FSCAP01' },
  ],
  [
    '00002a54.0000610c::2020/08/06-01:18:44.931 ERR   [RHS] Online for resource AOCProd01AG failed.',
    'rhs-online-failed',
    { resource: 'AOCProd01AG' },
  ],
  [
    "ERR   [RHS] RhsCall::DeadlockMonitor: Call LOOKSALIVE timed out by 16 milliseconds for resource 'File Share Witness'.",
    'rhs-deadlock-monitor',
    { resource: 'File Share Witness' },
  ],
  [
    "WARN  [RCM] rcm::RcmResource::HandleMonitorReply: Resource 'File Share Witness' has crashed or deadlocked; marking it to run in a separate monitor.",
    'rcm-crashed-or-deadlocked',
    { resource: 'File Share Witness' },
  ],
  ['ERR   [RHS] WER report is submitted. Result : WerReportQueued.', 'rhs-wer-report', {}],
  [
    'INFO  [RCM] rcm::RcmMonitor::RestartResources: Monitor restart for resource File Share Witness',
    'rcm-monitor-restart',
    { resource: 'File Share Witness' },
  ],
  [
    'INFO  rcm::RcmMonitor::RestartResources[RCM] rcm::RcmMonitor::RestartResources: Monitor restart for resource agMyDatabaseProd_12.3.4.567',
    'rcm-monitor-restart',
    { resource: 'agMyDatabaseProd_12.3.4.567' },
  ],
  [
    'INFO  [RCM] rcm::RcmResource::ReattachToMonitorProcess: (File Share Witness, Online)',
    'rcm-reattach-to-monitor',
    { resource: 'File Share Witness', state: 'Online' },
  ],
  [
    "INFO  [RCM] Separate monitor flag has changed for resource 'File Share Witness'.  Now hosted by RHS process 0",
    'rcm-separate-monitor-flag',
    { resource: 'File Share Witness' },
  ],
  [
    'INFO  [RHS] Resource agMyDatabaseProd_MyListenerName has come online. RHS is about to report status change to RCM',
    'rhs-resource-online',
    { resource: 'agMyDatabaseProd_MyListenerName' },
  ],
  [
    '00001898.0000185c::2023/02/27-13:27:41.121 WARN [RHS] Resource ag IsAlive has indicated failure.',
    'rhs-is-alive-failed',
    { resource: 'ag' },
  ],
  [
    '000019cc.000019d0::2022/12/15-14:26:02.654 WARN [RHS] Cluster service has terminated. Cluster.Service.Running.Event got signaled.',
    'rhs-cluster-service-terminated',
    {},
  ],
  ['21:17:49.021 INFO  [CS] Service Stopped...', 'cs-service-stopped', {}],
  [
    '000033dc.000023d4::2024/08/08-07:56:57.095 INFO  [CS] Service Stopping...',
    'cs-service-stopping',
    {},
  ],
  ['00003948.00003a38::2024/08/08-06:50:05.236 INFO  ---+ LOG BEGIN +---', 'log-begin', {}],
  [
    '[Operational] 000036ec.000019ac::2024/07/07-12:16:59.868 INFO  The cluster service has been stopped and set as disabled as part of cluster node cleanup.',
    'node-cleanup-stopped',
    {},
  ],
  [
    '0000ab34.0000a7c0::2014/06/10-07:54:38.433 ERR   lost quorum (status = 5925)',
    'quorum-lost',
    {},
  ],
  [
    '0000ab34.0000a7c0::2014/06/10-07:54:38.433 ERR   [QUORUM] Node 8: Lost quorum (3 4 5 6 7 8)',
    'quorum-lost',
    {},
  ],
  [
    '21:17:51.909 ERR   Quorum lost because failed to update witness epoch after node failure (status = 5925)',
    'quorum-lost',
    {},
  ],
  [
    '0000ab34.00007328::2014/06/10-07:54:34.099 INFO  [CORE] Node 8: executing node 12 failed handlers on a dedicated thread',
    'core-node-failed-handlers',
    { nodeId: '12' },
  ],
  [
    '0000ab34.00007328::2014/06/10-07:54:34.099 INFO  [NODE] Node 8: Cleaning up connections for n12.',
    'node-cleanup-connections',
    { nodeId: '12' },
  ],
  [
    '21:17:51.284 INFO  [RGP] node 1: Node Disconnected 2 00000000000000000000000000000000000000000000000000000000000000010',
    'rgp-node-disconnected',
    { nodeId: '2' },
  ],
  [
    '21:17:51.909 INFO  [CORE] Node 1: New View is <ViewChanged joiners=() downers=(2) newView=1301(1) oldView=1101(1 2) joiner=false form=false/> (Start Dispatch)',
    'core-view-downers',
    { nodeId: '2' },
  ],
  [
    "00000fe4.0000179c::2022/12/15-14:26:02.053 WARN [NODE] Node 1: Connection to Node 2 is broken. Reason GracefulClose(1226)' because of 'channel to remote endpoint <endpoint address> is closed'",
    'node-connection-broken',
    { nodeId: '2' },
  ],
  [
    '000033dc.00001e68::2024/08/08-07:56:57.095 INFO  [CORE] Graceful shutdown reported by node sqlnode02, reason ServiceStopReason::ServiceShutdown, nodeIsUp false (payload 327682)',
    'core-graceful-shutdown',
    { node: 'sqlnode02', state: 'ServiceShutdown' },
  ],
  [
    "INFO  [NODE] Node 2: New join with n1: stage: 'Join Succeeded'",
    'node-join-succeeded',
    { nodeId: '1' },
  ],
  [
    '0000ab34.00004e64::2014/06/10-07:54:34.099 DBG   [NETFTAPI] Signaled NetftRemoteUnreachable event, local address 10.xx.x.xxx:3343 remote address 10.x.xx.xx:3343',
    'netft-remote-unreachable',
    {},
  ],
  [
    '0000ab34.00004b38::2014/06/10-07:54:34.099 INFO  [IM] got event: Remote endpoint 10.xx.xx.xxx:~3343~ unreachable from 10.xx.x.xx:~3343~',
    'im-endpoint-unreachable',
    { interface: '10.xx.xx.xxx:~3343~' },
  ],
  [
    '0000ab34.00004b38::2014/06/10-07:54:34.099 INFO  [IM] Marking Route from 10.xxx.xxx.xxxx:~3343~ to 10.xxx.xx.xxxx:~3343~ as down',
    'im-route-down',
    { interface: '10.xxx.xx.xxxx:~3343~' },
  ],
  [
    '0000ab34.00004b38::2014/06/10-07:54:34.099 INFO  [NDP] All routes for route (virtual) local fxxx::xxxx:5xxx:xxxx:3xxx:~0~ to remote fexx::xxxx:xxxx:xxxx:xxxx:~0~ are down',
    'ndp-all-routes-down',
    {},
  ],
  [
    '21:17:43.284 INFO  [IM] got event: LocalEndpoint XX.X.1.X14:~3343~ has missed two consecutive heartbeats from XX.X.1.X13:~3343~',
    'im-missed-two-heartbeats',
    { interface: 'XX.X.1.X13:~3343~' },
  ],
  [
    "00001320.00001724::2024/07/24-07:47:30.789 WARN  [NETWORK] Missed 40% of the heart beats with node 'sqlnode02' (2) on route 10.10.20.18:~3343~->10.10.148.18:~3343~",
    'network-missed-heartbeats',
    { node: 'sqlnode02', nodeId: '2' },
  ],
  [
    '00001320.00002cf8::2024/07/24-07:56:35.251 WARN  [NETWORK] Lost connection to node sqlnode02',
    'network-lost-connection',
    { node: 'sqlnode02' },
  ],
  [
    '00001320.000022ec::2024/07/24-07:35:42.041 INFO  [NETWORK] Full mesh connectivity with nodes sqlnode01, sqlnode02',
    'network-full-mesh',
    { node: 'sqlnode01, sqlnode02' },
  ],
  [
    '00001320.00002da0::2024/07/24-07:35:14.032 INFO  [NETWORK] Error when processing connection to node sqlnode02, error (10060)',
    'network-connection-error',
    { node: 'sqlnode02', errorCode: '10060' },
  ],
];

/** REAL lines that carry no migration, node, network, RHS or service meaning. */
const unmatchedLines = [
  '00002cc4.00001264::2011/08/05-13:47:42.543 INFO  [RES] SQL Server Availability Group <ag>: [hadrag] Offline request.',
  '0000ab34.00004b38::2014/06/10-07:54:34.099 INFO  [IM] Route history 1: Old: 05.936, Message: Response, Route sequence: 150415, Received sequence: 150415, Heartbeats counter/threshold: 5/5, Error: Success, NtStatus: 0 Timestamp: 2014/06/10-07:54:28.000, Ticks since last sending: 4',
  '0000ab34.0000a8ac::2014/06/10-07:54:34.099 INFO  [DCM] HandleRequest: dcm/netftRouteChange',
  '21:17:42.347 INFO  [RHS] Enqueuing Arbitrate call.',
  '21:16:37.904 INFO  [NM] Received request from client address SVR13.',
  '00002f48.000014e0::2024/08/12-17:26:38.404 DBG   [RCM] scheduling next RunRestartTasks task...',
];

describe('cluster log patterns', () => {
  it('have unique ids', () => {
    const ids = clusterLogPatterns.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const [line, id, fields] of realLines) {
    it(`${id}: ${line.slice(0, 90)}`, () => {
      const found = match(line);
      expect(found?.pattern.id).toBe(id);
      expect(found?.fields).toEqual(fields);
    });
  }

  it('every verified pattern is exercised by a real line', () => {
    const exercised = new Set(realLines.map(([, id]) => id));
    const verified = clusterLogPatterns.filter((p) => p.verified).map((p) => p.id);
    expect(verified.filter((id) => !exercised.has(id))).toEqual([]);
  });

  for (const line of unmatchedLines) {
    it(`leaves alone: ${line.slice(0, 90)}`, () => {
      expect(match(line)).toBeNull();
    });
  }

  it('reads the CONSTRUCTED VM resource line shape of §5.3 (unverified patterns)', () => {
    const found = match(
      "00001c2c.00002a10::2019/03/04-10:20:01.001 ERR   [RES] Virtual Machine <Virtual Machine VM01>: Failed to get the network address for the destination node 'HV02': A cluster network is not available for this operation. (0x000013AB)",
    );
    expect(found?.pattern.id).toBe('res-virtual-machine-failure');
    expect(found?.pattern.role).toBe('lm-failed');
    expect(found?.pattern.verified).toBe(false);
    expect(found?.fields).toEqual({
      resourceType: 'Virtual Machine',
      resource: 'Virtual Machine VM01',
      errorText:
        "Failed to get the network address for the destination node 'HV02': A cluster network is not available for this operation. (0x000013AB)",
    });
    const busy = matchClusterLogLine(
      'RES',
      'Virtual Machine <Virtual Machine WEB02>: The migration failed because another migration was in progress. (0x800700AA)',
    );
    expect(busy?.pattern.id).toBe('res-virtual-machine-failure');
    const plain = matchClusterLogLine(
      'RES',
      'Virtual Machine <Virtual Machine VM01>: Offline request.',
    );
    expect(plain?.pattern.id).toBe('res-virtual-machine');
    expect(plain?.pattern.role).toBe('context');
    const config = matchClusterLogLine(
      'RES',
      "Virtual Machine Configuration <Virtual Machine Configuration VM01>: Live migration of 'VM01' failed.",
    );
    expect(config?.pattern.id).toBe('res-virtual-machine');
    expect(config?.fields.resourceType).toBe('Virtual Machine Configuration');
    const up = matchClusterLogLine(
      'IM',
      'Marking Route from 10.0.0.1:~3343~ to 10.0.0.2:~3343~ as up',
    );
    expect(up?.pattern.role).toBe('interface-up');
    expect(up?.fields).toEqual({ interface: '10.0.0.2:~3343~' });
  });

  it('tries a component pattern only on lines of that component', () => {
    expect(matchClusterLogLine('RHS', 'Service Stopped...')).toBeNull();
    expect(matchClusterLogLine('cs', 'Service Stopped...')?.pattern.id).toBe('cs-service-stopped');
    expect(matchClusterLogLine(null, 'Service Stopped...')).toBeNull();
  });
});
