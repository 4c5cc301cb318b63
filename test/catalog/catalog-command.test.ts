import { describe, expect, it } from 'vitest';
import { clusterLogPatterns } from '../../src/catalog/cluster-log-patterns.js';
import { errorCodeTable } from '../../src/catalog/error-codes.js';
import { catalogEvents } from '../../src/catalog/events/index.js';
import { runCli } from '../support/run-cli.js';

function json(args: string[]): Record<string, unknown>[] {
  const run = runCli(['catalog', ...args, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>[];
}

describe('lmdoctor catalog (built CLI)', () => {
  it('answers "what is 0x8007274C?"', () => {
    expect(json(['--code', '0x8007274C'])).toEqual([
      {
        code: '0x8007274C',
        win32: 10060,
        symbolic_name: 'WSAETIMEDOUT',
        text: expect.stringMatching(/^A connection attempt failed/),
        category: 'network',
        cause: 'migration-connection-failed',
        side: 'source',
        sources: 'S4',
      },
    ]);
  });

  it('finds the same code from its decimal and HRESULT forms', () => {
    for (const form of ['5035', '0x800713AB', '13AB']) {
      const rows = json(['--code', form]);
      expect(rows.map((r) => [r.code, r.symbolic_name])).toEqual([
        ['0x000013AB', 'ERROR_NETWORK_NOT_AVAILABLE'],
      ]);
    }
  });

  it('answers "what is event 21502?"', () => {
    const rows = json(['--event', '21502']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      provider: 'Microsoft-Windows-Hyper-V-High-Availability',
      event: 21502,
      role: 'lm-failed',
      fields: 'errorText=%3',
      template: '%3',
    });
  });

  it('shows the other wordings of an id', () => {
    const [row] = json(['--event', '1641']);
    expect(row?.other_wordings).toBe("Clustered role '%1' is moving to cluster node '%2'.");
    expect(json(['--event', '1135'])[0]?.other_wordings).toBeNull();
  });

  it('filters by provider and lists everything without options', () => {
    const clustering = json(['--provider', 'failoverclustering']);
    expect(clustering.length).toBe(
      catalogEvents.filter((e) => e.provider === 'Microsoft-Windows-FailoverClustering').length,
    );
    expect(json([])).toHaveLength(catalogEvents.length);
    const none = runCli(['catalog', '--event', '1135', '--provider', 'Hyper-V']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no catalogue event matches');
  });

  it('lists every error code and every cluster log pattern', () => {
    expect(json(['--codes'])).toHaveLength(errorCodeTable.length);
    const patterns = json(['--cluster-log']);
    expect(patterns.map((p) => p.id)).toEqual(clusterLogPatterns.map((p) => p.id));
  });

  it('writes csv with a header row', () => {
    const run = runCli(['catalog', '--event', '1135', '--format', 'csv']);
    expect(run.status).toBe(0);
    const [header, row] = run.stdout.split('\r\n');
    expect(header?.split(',').slice(0, 4)).toEqual(['provider', 'event', 'level', 'role']);
    expect(row).toMatch(/^Microsoft-Windows-FailoverClustering,1135,Critical,node-down,/);
  });

  it('says so for an unknown code (exit 1) and a malformed event id (exit 2)', () => {
    const unknown = runCli(['catalog', '--code', '0x12345678']);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('0x12345678');
    const bad = runCli(['catalog', '--event', 'abc']);
    expect(bad.status).toBe(2);
  });
});
