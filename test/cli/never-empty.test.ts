import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTimeRange, editDistance, unknownNameError } from '../../src/cli/known-names.js';
import { runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

describe('commands that read a case never answer with silent emptiness', () => {
  const tempDir = useTempDir();

  it('refuses to read (or create) a case that is not there, exit 1', () => {
    const db = join(tempDir(), 'none.db');
    for (const args of [['diagnose'], ['migrations'], ['timeline'], ['report', '--format', 'md']]) {
      const run = runCli([...args, '--db', db]);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/no case at .*none\.db: run lmdoctor analyze FOLDER first/);
      expect(run.stdout).toBe('');
    }
    expect(existsSync(db)).toBe(false);
  });

  it('names the known VMs and nodes for an unknown one, and refuses a reversed range', () => {
    const db = join(tempDir(), 'case.db');
    expect(runCli(['analyze', 'sample-logs/default', '--db', db, '-q']).status).toBe(0);
    const vm = runCli(['migrations', '--db', db, '--vm', 'SQL1']);
    expect(vm.status).toBe(1);
    expect(vm.stderr).toMatch(/no VM called SQL1 in this case; did you mean SQL01\?/);
    expect(vm.stderr).toMatch(/VM names it knows: APP01, SQL01, WEB01/);
    const node = runCli(['timeline', '--db', db, '--node', 'HV99']);
    expect(node.status).toBe(1);
    expect(node.stderr).toMatch(/no node called HV99 in this case[\s\S]*HV01, HV02, HV03/);
    const nowhere = runCli(['timeline', '--db', db, '--vm', 'NOSUCHVM']);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toMatch(/no VM called NOSUCHVM/);
    const reversed = runCli([
      'timeline',
      '--db',
      db,
      '--from',
      '2024-03-12T10:00',
      '--to',
      '2024-03-12T09:00',
    ]);
    expect(reversed.status).toBe(2);
    expect(reversed.stderr).toMatch(/--from 2024-03-12T10:00 is after --to 2024-03-12T09:00/);
    // known names in another case still work, whatever their case
    const known = runCli([
      'migrations',
      '--db',
      db,
      '--vm',
      'sql01',
      '--node',
      'hv02',
      '--format',
      'csv',
    ]);
    expect(known.status).toBe(0);
    expect(known.stdout.trim().split('\r\n')).toHaveLength(2);
  });

  it('suggests by edit distance and accepts a --to that covers the --from minute', () => {
    expect(editDistance('HV4', 'HV04')).toBe(1);
    expect(unknownNameError('node', 'HV4', ['HV01', 'HV04', 'NODE-X']).message).toMatch(
      /did you mean HV04 or HV01\?$/,
    );
    expect(unknownNameError('VM', 'X', []).message).toMatch(/knows no VM names/);
    expect(() => checkTimeRange('2024-03-12T10:00:30', '2024-03-12T10:00')).not.toThrow();
    expect(() => checkTimeRange('2024-03-12T10:01', '2024-03-12T10:00:59')).toThrow(/after/);
  });
});
