import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/errors.js';
import { eventXmlToLogEvent } from '../../../src/readers/xml-export/event-xml-to-log-event.js';
import { eventXml } from '../../support/event-xml.js';

describe('eventXmlToLogEvent', () => {
  it('maps the System block to columns', () => {
    const event = eventXmlToLogEvent(
      eventXml({
        eventId: 21502,
        qualifiers: 0,
        level: 2,
        task: 3,
        recordId: 1203,
        activityId: '{AB12CD34-0000-1111-2222-333344445555}',
      }),
      0,
    );
    expect(event).toMatchObject({
      time: '2011-04-15T10:15:01.1234567Z',
      computer: 'HV01.contoso.local',
      channel: 'Microsoft-Windows-Hyper-V-High-Availability-Admin',
      provider: 'Microsoft-Windows-Hyper-V-High-Availability',
      eventId: 21502,
      level: 2,
      task: 3,
      opcode: 0,
      keywords: '0x8000000000000000',
      recordId: 1203,
      processId: 2412,
      threadId: 3120,
      activityId: '{AB12CD34-0000-1111-2222-333344445555}',
      userSid: 'S-1-5-18',
      message: null,
    });
  });

  it('binds unnamed Data by position as param1, param2, …', () => {
    const event = eventXmlToLogEvent(
      eventXml({ payload: '<Data>HV02</Data><Data>text</Data><Data>0x000013AB</Data>' }),
      0,
    );
    expect(event.data).toEqual({ param1: 'HV02', param2: 'text', param3: '0x000013AB' });
  });

  it('keys named Data by name, keeps empty values and upper-cases Binary', () => {
    const event = eventXmlToLogEvent(
      eventXml({
        payload:
          "<Data Name='NodeName'>HV02</Data><Data Name='Empty'/><Data Name='Spaces'> a  b </Data><Binary>0a0b</Binary>",
      }),
      0,
    );
    expect(event.data).toEqual({ NodeName: 'HV02', Empty: '', Spaces: ' a  b ', Binary: '0A0B' });
  });

  it('flattens UserData/VmlEventLog without the wrapper, nested elements with dotted keys', () => {
    const event = eventXmlToLogEvent(
      eventXml({
        payload:
          "<UserData><VmlEventLog xmlns='http://www.microsoft.com/Windows/Virtualization/Events'>" +
          '<Parameter0>SQL01</Parameter0><Parameter1>5B1E0C2A</Parameter1>' +
          "<Detail Kind='x'><Code>5</Code><Code>6</Code></Detail></VmlEventLog></UserData>",
      }),
      0,
    );
    expect(event.data).toEqual({
      Parameter0: 'SQL01',
      Parameter1: '5B1E0C2A',
      'Detail.Code': '5',
      'Detail.Code_2': '6',
      'Detail@Kind': 'x',
    });
  });

  it('takes the rendered message from RenderingInfo', () => {
    const event = eventXmlToLogEvent(
      eventXml({ renderedMessage: 'Started live migration on the source node.' }),
      0,
    );
    expect(event.message).toBe('Started live migration on the source node.');
    expect(Object.keys(event.data)).toEqual(['param1', 'param2']);
  });

  it('decodes predefined entities and character references, and does not expand others', () => {
    const event = eventXmlToLogEvent(
      eventXml({
        payload: "<Data Name='a'>&lt;x&gt; &amp; &quot;&apos; &#65;&#x42; &custom;</Data>",
      }),
      0,
    );
    expect(event.data.a).toBe(`<x> & "' AB &custom;`);
  });

  it('normalises 9- and 3-digit fractions and zone offsets to 7-digit UTC', () => {
    expect(eventXmlToLogEvent(eventXml({ time: '2011-04-15T12:34:56.123456700Z' }), 0).time).toBe(
      '2011-04-15T12:34:56.1234567Z',
    );
    expect(eventXmlToLogEvent(eventXml({ time: '2011-04-15T12:34:56.5+02:00' }), 0).time).toBe(
      '2011-04-15T10:34:56.5000000Z',
    );
  });

  it('throws ParseError with the byte offset for malformed XML', () => {
    const broken = eventXml().replace('</System>', '');
    expect(() => eventXmlToLogEvent(broken, 4096)).toThrow(ParseError);
    try {
      eventXmlToLogEvent(broken, 4096);
    } catch (error) {
      expect((error as ParseError).location).toBe('byte 4096');
    }
  });

  it('rejects an event without a time or id', () => {
    expect(() => eventXmlToLogEvent(eventXml({ time: 'yesterday' }), 0)).toThrow(/TimeCreated/);
    expect(() =>
      eventXmlToLogEvent(
        "<Event><System><TimeCreated SystemTime='2011-04-15T10:00:00Z'/></System></Event>",
        0,
      ),
    ).toThrow(/EventID/);
  });
});
