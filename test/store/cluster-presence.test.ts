import { describe, expect, it } from 'vitest';
import { eventXmlToLogEvent } from '../../src/readers/xml-export/event-xml-to-log-event.js';
import { readClusterPresence } from '../../src/store/cluster-presence.js';
import { openStore, type Store } from '../../src/store/open-database.js';
import { SourceWriter } from '../../src/store/source-writer.js';
import { eventXml } from '../support/event-xml.js';

/** A store holding one event of each given provider. */
function storeWith(providers: string[]): Store {
  const db = openStore(':memory:');
  const writer = SourceWriter.begin(db, {
    path: 'a.xml',
    kind: 'xml-events',
    sha256: 'a',
    bytes: 1,
  });
  providers.forEach((provider, i) =>
    writer.event(
      eventXmlToLogEvent(
        eventXml({ provider, eventId: 5136, recordId: i + 1, channel: 'System' }),
        i,
      ),
    ),
  );
  writer.commit();
  return db;
}

describe('readClusterPresence', () => {
  it('sees a cluster node in any spelling of a cluster or Hyper-V host provider', () => {
    for (const provider of [
      'Microsoft-Windows-FailoverClustering',
      'FailoverClustering',
      'MICROSOFT-WINDOWS-FAILOVERCLUSTERING',
      'Microsoft-Windows-Hyper-V-VMMS',
    ]) {
      const presence = readClusterPresence(
        storeWith(['Microsoft-Windows-Security-Auditing', provider]),
      );
      expect(presence, provider).toMatchObject({ found: true, clusterEvents: true, providers: [] });
    }
  });

  it('does not count the providers every machine, a VM guest or an admin console writes', () => {
    const presence = readClusterPresence(
      storeWith([
        'Microsoft-Windows-Security-Auditing',
        'Microsoft-Windows-Security-Auditing',
        'Service Control Manager',
        'Microsoft-Windows-Hyper-V-Netvsc',
        'Microsoft-Windows-FailoverClustering-Manager',
      ]),
    );
    expect(presence).toEqual({
      found: false,
      clusterEvents: false,
      clusterLogs: 0,
      clusterConfigRows: 0,
      providers: [
        { provider: 'Microsoft-Windows-Security-Auditing', events: 2 },
        { provider: 'Microsoft-Windows-FailoverClustering-Manager', events: 1 },
        { provider: 'Microsoft-Windows-Hyper-V-Netvsc', events: 1 },
        { provider: 'Service Control Manager', events: 1 },
      ],
    });
  });
});
