import { describe, expect, it } from 'vitest';
import { readEvtxEvents } from '../../../src/readers/evtx/read-evtx-events.js';
import type { LogEvent } from '../../../src/model/log-event.js';
import { corpusAvailable, corpusFile, corpusSkipNote } from './support/corpus.js';
import { renderFile } from './support/render-file.js';

/**
 * Records of the three corpus files no reference parser can read, checked field by field against
 * values read off the bytes by hand (template-less records, entity references in attributes,
 * nested BinXML), plus the damaged-file behaviour NOTES.md describes.
 */

function events(name: string): LogEvent[] {
  const out: LogEvent[] = [];
  readEvtxEvents(corpusFile(name), { event: (e) => out.push(e), warning: () => {} });
  return out;
}

describe.skipIf(!corpusAvailable)(
  `EVTX corpus hand checks${corpusAvailable ? '' : ` (${corpusSkipNote})`}`,
  () => {
    it('MSExchange (template-less record, element starts without dependency id)', () => {
      const [event, ...rest] = events('rs-evtx__MSExchange_Management_wec.evtx');
      expect(rest).toEqual([]);
      expect(event).toMatchObject({
        time: '2021-11-19T16:52:33.8337335Z',
        computer: 'WEC.ave.local',
        channel: 'MSExchange Management',
        provider: 'MSExchange CmdletLogs',
        eventId: 1,
        level: 4,
        task: 1,
        keywords: '0x80000000000000',
        recordId: 3229,
      });
      expect(event?.data.param1).toBe('Set-Mailbox');
      expect(event?.data.param2).toBe(
        '-Identity "Administrateur" -DeliverToMailboxAndForward "False" -ForwardingSmtpAddress "smtp:test2@example.com"',
      );
      expect(event?.data.param27).toBe('fr-FR');
    });

    it('Defender health status (template-less, format 3.2): 455 records with named data', () => {
      const all = events('hayabusa-sample__ID1151-Defender_health_status.evtx');
      expect(all).toHaveLength(455);
      const first = all[0];
      expect(first).toMatchObject({
        eventId: 1151,
        recordId: 2189,
        processId: 3332,
        threadId: 4432,
        userSid: 'S-1-5-18',
        computer: 'WIN10-client01.offsec.lan',
        channel: 'Microsoft-Windows-Windows Defender/Operational',
      });
      expect(first?.data['Platform version']).toBe('4.18.2005.5');
      expect(first?.data['Last full scan age']).toBe('4294967295');
      expect(first?.data.Unused).toBe('');
    });

    it('CAPI2: entity references in text and attributes, nested BinXML, all 340 records', () => {
      const name =
        'rs-evtx__E_Windows_system32_winevt_logs_Microsoft-Windows-CAPI2_4Operational.evtx';
      const { events: xml } = renderFile(corpusFile(name));
      expect(xml).toHaveLength(340);
      const withEntityInAttribute = xml.find((e) => /="[^"]*&quot;/.test(e));
      expect(withEntityInAttribute).toBeDefined();
      const all = events(name);
      expect(all.every((e) => e.channel === 'Microsoft-Windows-CAPI2/Operational')).toBe(true);
      expect(all.filter((e) => Object.keys(e.data).length > 0).length).toBeGreaterThan(300);
    });

    it('zero-size record: 335 allocated records, and the 114 after the damage on request', () => {
      const name = 'rs-evtx__sample-with-zero-data-size-event.evtx';
      const plain = renderFile(corpusFile(name));
      expect(plain.events).toHaveLength(335);
      expect(plain.problems.map((p) => p.message)).toContainEqual(
        expect.stringMatching(/record size 0 is too small/),
      );
      expect(renderFile(corpusFile(name), { recover: true }).events).toHaveLength(335 + 114);
    });

    it('shadow-copy RdpCoreTS: stale records in slack are not taken as this chunk’s', () => {
      const name =
        'rs-evtx__2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS_4Operational.evtx';
      expect(renderFile(corpusFile(name), { recover: true }).events).toHaveLength(1910);
    });
  },
);
