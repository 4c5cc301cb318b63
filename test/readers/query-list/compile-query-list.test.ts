import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import type { LogEvent } from '../../../src/model/log-event.js';
import {
  compileQueryList,
  readQueryListFile,
} from '../../../src/readers/query-list/compile-query-list.js';
import { useTempDir } from '../../support/temp-dir.js';

function makeEvent(overrides: Partial<LogEvent> = {}): LogEvent {
  return {
    time: '2011-04-15T12:34:56.1234567Z',
    computer: 'HV01.contoso.local',
    channel: 'System',
    provider: 'Microsoft-Windows-FailoverClustering',
    eventId: 1135,
    level: 2,
    task: 0,
    opcode: 0,
    keywords: '0x8000000000000000',
    recordId: 42,
    processId: 1234,
    threadId: 5678,
    activityId: null,
    userSid: 'S-1-5-18',
    data: {},
    message: null,
    ...overrides,
  };
}

const now = new Date('2011-04-16T12:00:00Z');
const compile = (xml: string) => compileQueryList(xml, { now, source: 'query.xml' });
const select = (xpath: string, path = 'System') =>
  compile(`<QueryList><Query Id="0"><Select Path="${path}">${xpath}</Select></Query></QueryList>`);

// The shape of the guide's collection query (guide.md: System's Hyper-V-Hypervisor provider
// plus whole Hyper-V channels), with a Suppress added.
const guideQuery = `<QueryList>
  <Query Id="0" Path="System">
    <Select Path="System">*[System[Provider[@Name='Microsoft-Windows-Hyper-V-Hypervisor']]]</Select>
    <Select Path="Microsoft-Windows-Hyper-V-High-Availability-Admin">*</Select>
    <Select Path="Microsoft-Windows-Hyper-V-VMMS-Admin">*</Select>
    <Suppress Path="Microsoft-Windows-Hyper-V-VMMS-Admin">*[System[(Level=4 or Level=0)]]</Suppress>
  </Query>
</QueryList>`;

describe('compileQueryList', () => {
  it('selects per channel and suppresses what a Suppress matches', () => {
    const filter = compile(guideQuery);
    expect(filter.matches(makeEvent({ provider: 'Microsoft-Windows-Hyper-V-Hypervisor' }))).toBe(
      true,
    );
    expect(filter.matches(makeEvent())).toBe(false);
    const ha = { channel: 'Microsoft-Windows-Hyper-V-High-Availability-Admin', level: 4 };
    expect(filter.matches(makeEvent(ha))).toBe(true);
    const vmms = { channel: 'Microsoft-Windows-Hyper-V-VMMS-Admin' };
    expect(filter.matches(makeEvent({ ...vmms, level: 2 }))).toBe(true);
    expect(filter.matches(makeEvent({ ...vmms, level: 4 }))).toBe(false);
    expect(
      filter.matches(
        makeEvent({ ...vmms, channel: 'Microsoft-Windows-Hyper-V-VMMS/Admin', level: 2 }),
      ),
    ).toBe(true);
    expect(filter.matches(makeEvent({ channel: 'Application' }))).toBe(false);
    expect(filter.channels).toHaveLength(3);
  });

  it('uses the Query Path for clauses without one', () => {
    const filter = compile(
      '<QueryList><Query Path="System"><Select>*[System[EventID=1135]]</Select><Suppress>*[System[Level=4]]</Suppress></Query></QueryList>',
    );
    expect(filter.matches(makeEvent())).toBe(true);
    expect(filter.matches(makeEvent({ level: 4 }))).toBe(false);
    expect(filter.matches(makeEvent({ channel: 'Application' }))).toBe(false);
  });

  it('evaluates EventID lists, not(), and/or and parentheses', () => {
    const filter = select('*[System[(EventID=1069 or EventID=1135) and not(Level=4)]]');
    expect(filter.matches(makeEvent())).toBe(true);
    expect(filter.matches(makeEvent({ eventId: 1069 }))).toBe(true);
    expect(filter.matches(makeEvent({ eventId: 1070 }))).toBe(false);
    expect(filter.matches(makeEvent({ level: 4 }))).toBe(false);
  });

  it('compares TimeCreated/@SystemTime as times and timediff() against now', () => {
    const since = select("*[System[TimeCreated[@SystemTime>='2011-04-15T12:00:00.000Z']]]");
    expect(since.matches(makeEvent())).toBe(true);
    expect(since.matches(makeEvent({ time: '2011-04-15T11:59:59.9990000Z' }))).toBe(false);
    const lastDay = select('*[System[TimeCreated[timediff(@SystemTime) &lt;= 86400000]]]');
    expect(lastDay.matches(makeEvent())).toBe(true);
    expect(lastDay.matches(makeEvent({ time: '2011-04-15T11:00:00.0000000Z' }))).toBe(false);
  });

  it('tests keywords with band()', () => {
    const filter = select('*[System[band(Keywords,4503599627370496)]]');
    expect(filter.matches(makeEvent({ keywords: '0x10000000000000' }))).toBe(true);
    expect(filter.matches(makeEvent())).toBe(false);
    const audit = select('*[System[band(Keywords,0x8000000000000000)=0x8000000000000000]]');
    expect(audit.matches(makeEvent())).toBe(true);
  });

  it("matches EventData Data[@Name='…']='…' and unnamed Data by value", () => {
    const data = { ResourceName: 'Virtual Machine VM01', param1: 'VM01' };
    const named = select("*[EventData[Data[@Name='ResourceName']='Virtual Machine VM01']]");
    expect(named.matches(makeEvent({ data }))).toBe(true);
    expect(named.matches(makeEvent({ data: { ResourceName: 'Other' } }))).toBe(false);
    expect(select("*[EventData[Data='VM01']]").matches(makeEvent({ data }))).toBe(true);
    expect(select("*[EventData[Data[@Name='param1']]]").matches(makeEvent({ data }))).toBe(false);
  });

  it('names the unsupported construct and where it is', () => {
    const attempt = (xpath: string) => () => select(xpath);
    expect(attempt('*[UserData//VmName]')).toThrow(
      /unsupported XPath construct "\/\/" \(descendant axis\)/,
    );
    expect(attempt("*[System[contains(Channel,'x')]]")).toThrow(
      /function contains\(\) at character 10/,
    );
    expect(attempt('*[System[EventID=1]')).toThrow(/a missing "\]"/);
    expect(attempt('*[System[Provider[1]]]')).toThrow(/position predicate/);
    expect(attempt('*[System[EventID=1] | *')).toThrow(UserError);
    expect(attempt('*[System[EventID=1] | *')).toThrow(/"\|".*<Select Path="System"> of query 0/);
  });

  it('refuses absurdly deep nesting with a clear error instead of overflowing the stack', () => {
    const deep = `*[${'('.repeat(5000)}System${')'.repeat(5000)}]`;
    expect(() => select(deep)).toThrow(/nesting deeper than 64 levels/);
    expect(
      select(`*[${'('.repeat(20)}System[EventID=1135]${')'.repeat(20)}]`).matches(makeEvent()),
    ).toBe(true);
  });

  it('rejects files that are not a QueryList', () => {
    expect(() => compile('<Events/>')).toThrow(/no <QueryList><Query> found/);
    expect(() =>
      compile('<QueryList><Query><Select Path="file://c:/x.evtx">*</Select></Query></QueryList>'),
    ).toThrow(/file path/);
  });
});

describe('readQueryListFile', () => {
  const tempDir = useTempDir();
  it('reads a UTF-16 file as Notepad saves it', async () => {
    const path = join(tempDir(), 'query.xml');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(guideQuery, 'utf16le')]),
    );
    const filter = await readQueryListFile(path, now);
    expect(filter.matches(makeEvent({ provider: 'Microsoft-Windows-Hyper-V-Hypervisor' }))).toBe(
      true,
    );
  });
});

describe('compileQueryList limits (issue 17 item 11)', () => {
  const chain = (terms: number, op: 'or' | 'and') =>
    `*[System[${Array.from({ length: terms }, (_, i) => `EventID=${i + 1}`).join(` ${op} `)}]]`;

  it('evaluates a long or/and chain without deep recursion', () => {
    const filter = select(chain(999, 'or'));
    expect(filter.matches(makeEvent({ eventId: 999 }))).toBe(true);
    expect(filter.matches(makeEvent({ eventId: 1000 }))).toBe(false);
    expect(select(chain(999, 'and')).matches(makeEvent({ eventId: 1 }))).toBe(false);
  });

  it('refuses an expression with more terms than the limit, clearly', () => {
    let error: unknown;
    try {
      select(chain(50000, 'or'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/more than 1000 terms/);
    expect((error as UserError).message.length).toBeLessThan(600);
  });
});
