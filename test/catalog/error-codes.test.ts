import { describe, expect, it } from 'vitest';
import {
  errorCodeTable,
  findErrorCodes,
  formatErrorCode,
  hresultFromWin32,
  lookupErrorCode,
  win32FromHresult,
} from '../../src/catalog/error-codes.js';
import { causeIds } from './cause-ids.js';

function entryNamed(name: string) {
  const found = errorCodeTable.find((e) => e.symbolicName === name);
  if (!found) throw new Error(`${name} is not in the table`);
  return found;
}

describe('error code table', () => {
  it('points only to cause ids of DESIGN §6 and names its sources', () => {
    for (const entry of errorCodeTable) {
      if (entry.cause !== null) expect(causeIds).toContain(entry.cause);
      expect(entry.sources.length).toBeGreaterThan(0);
    }
  });

  it('has each code once', () => {
    const codes = errorCodeTable.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('finds every entry by its own code written in every hex spelling', () => {
    for (const entry of errorCodeTable) {
      const hex = entry.code.toString(16);
      for (const text of [
        formatErrorCode(entry.code),
        `0x${hex}`,
        hex.toUpperCase(),
        hex.padStart(8, '0'),
      ])
        expect(lookupErrorCode(text), text).toBe(entry);
      expect(lookupErrorCode(entry.code)).toBe(entry);
    }
  });

  it('finds Win32-based codes by decimal, plain hex and HRESULT', () => {
    for (const entry of errorCodeTable) {
      const win32 = entry.code <= 0xffff ? entry.code : win32FromHresult(entry.code);
      if (win32 === null) continue;
      const hresult = hresultFromWin32(win32);
      for (const text of [
        String(win32),
        `0x${win32.toString(16).padStart(8, '0')}`,
        formatErrorCode(hresult),
        String(hresult | 0),
      ])
        expect(lookupErrorCode(text), `${text} for ${formatErrorCode(entry.code)}`).toBe(entry);
      if (entry.symbolicName !== '') {
        expect(lookupErrorCode(`${entry.symbolicName}(${win32})`)).toBe(entry);
        expect(lookupErrorCode(entry.symbolicName)).toBe(entry);
      }
    }
  });

  it('reads the forms the references quote', () => {
    const notAvailable = entryNamed('ERROR_NETWORK_NOT_AVAILABLE');
    for (const text of ['0x000013AB', '0x800713AB', '13AB', '5035', '(0x000013AB).'])
      expect(lookupErrorCode(text), text).toBe(notAvailable);
    expect(lookupErrorCode('ERROR_TIMEOUT(1460)')).toBe(entryNamed('ERROR_TIMEOUT'));
    expect(lookupErrorCode('c000020c')).toBe(entryNamed('STATUS_CONNECTION_DISCONNECTED'));
    expect(lookupErrorCode('STATUS_CONNECTION_DISCONNECTED(c000020c)')).toBe(
      entryNamed('STATUS_CONNECTION_DISCONNECTED'),
    );
    expect(lookupErrorCode('STATUS_NETWORK_UNREACHABLE(c000023c)')?.code).toBe(0xc000023c);
    expect(lookupErrorCode('80000011')?.symbolicName).toBe('STATUS_DEVICE_BUSY');
    expect(lookupErrorCode('STATUS_CLUSTER_CSV_NO_SNAPSHOTS')).toBe(
      entryNamed('STATUS_CLUSTER_CSV_AUTO_PAUSE_ERROR'),
    );
    // S9 writes the HRESULT as bare digits: hex, not decimal.
    expect(lookupErrorCode('80070534')).toBe(entryNamed('ERROR_NONE_MAPPED'));
    expect(lookupErrorCode('0x8007274C')?.symbolicName).toBe('WSAETIMEDOUT');
    expect(lookupErrorCode('10060')?.symbolicName).toBe('WSAETIMEDOUT');
  });

  it('gives undefined for unknown or malformed codes', () => {
    for (const text of ['0x12345678', 'ERROR_SOMETHING_ELSE', '', 'not a code', '0x1234567890'])
      expect(lookupErrorCode(text), text).toBeUndefined();
  });

  it('converts between Win32 codes and HRESULTs', () => {
    expect(hresultFromWin32(0x13ab)).toBe(0x800713ab);
    expect(win32FromHresult(0x800713ab)).toBe(0x13ab);
    expect(win32FromHresult(0x8009030e)).toBeNull();
    expect(formatErrorCode(0x13ab)).toBe('0x000013AB');
  });
});

describe('findErrorCodes', () => {
  it('finds the code of the real 21502 and 21126 texts (S4)', () => {
    const text =
      'Failed to get the network address for the destination node "Host2": A cluster Network isn\'t available for this operation. (0x000013AB).';
    const found = findErrorCodes(text);
    expect(found.map((f) => f.match)).toEqual(['0x000013AB']);
    expect(found[0]?.entry?.symbolicName).toBe('ERROR_NETWORK_NOT_AVAILABLE');
  });

  it('finds NTSTATUS and Win32 names written NAME(code) without reporting the inner value again', () => {
    const paused =
      "Cluster Shared Volume 'CSVName' ('Cluster Virtual Disk (CSVName)') has entered a paused state because of 'STATUS_IO_TIMEOUT(c00000b5)'. All I/O will temporarily be queued until a path to the volume is reestablished.";
    expect(findErrorCodes(paused).map((f) => [f.match, f.entry?.symbolicName])).toEqual([
      ['STATUS_IO_TIMEOUT(c00000b5)', 'STATUS_IO_TIMEOUT'],
    ]);
    const noAccess = "… because of error 'ERROR_TIMEOUT(1460)'. Please troubleshoot …";
    expect(findErrorCodes(noAccess).map((f) => f.entry?.symbolicName)).toEqual(['ERROR_TIMEOUT']);
  });

  it('finds bare HRESULTs but not GUIDs, keywords or process ids', () => {
    const text =
      'No mapping between account names and security IDs was done 80070534 VMID {E0D0A6A3-1C2B-4D5E-8F90-123456789ABC} keywords 0x8000000000000000 pid 0000ab34';
    expect(findErrorCodes(text).map((f) => f.code)).toEqual([0x80070534]);
  });

  it('finds decimal codes only where the words say error, status or result', () => {
    const text =
      'Error when processing connection to node sqlnode02, error (10060) after 3343 tries; lost quorum (status = 5925)';
    const found = findErrorCodes(text);
    expect(found.map((f) => f.code)).toEqual([10060, 5925]);
    expect(found[0]?.entry?.symbolicName).toBe('WSAETIMEDOUT');
    expect(found[1]?.entry).toBeNull();
  });

  it('reports each code once, in order of appearance, keeping unknown ones', () => {
    const text = 'first 0x80004005 then 0x8007274C and again 0x8007274c, finally 0xDEADBEEF';
    expect(findErrorCodes(text).map((f) => [f.code, f.entry !== null])).toEqual([
      [0x80004005, true],
      [0x8007274c, true],
      [0xdeadbeef, false],
    ]);
  });
});
