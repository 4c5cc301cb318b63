import { describe, expect, it } from 'vitest';
import { scenarios } from '../sample-log-generator/scenarios/index.js';
import { runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';
import { join } from 'node:path';

/**
 * The messy collections of issue 16, end to end with the built CLI: a mixed-language case lists
 * each VM and each node once, and a half-collected case says what only one side establishes
 * and how to collect the other.
 */
describe('messy collections', () => {
  const tempDir = useTempDir();

  function analyzed(folder: string): string {
    const db = join(tempDir(), `${folder}.db`);
    const run = runCli(['analyze', `sample-logs/${folder}`, '--db', db]);
    expect(run.status, run.stderr).toBe(0);
    return db;
  }

  for (const folder of ['localized-names-pt-br', 'invented-language', 'portuguese-rendered-only'])
    it(`${folder}: lmdoctor migrations lists each VM once and each node once`, () => {
      const scenario = scenarios.find((s) => s.folder === folder)!;
      const db = analyzed(folder);
      const run = runCli(['migrations', '--db', db, '--format', 'json']);
      expect(run.status, run.stderr).toBe(0);
      const migrations = JSON.parse(run.stdout) as {
        vm: string;
        sourceNode: string | null;
        destinationNode: string | null;
      }[];
      // One name per VM: the VM's own, never a localized resource name beside it.
      expect([...new Set(migrations.map((m) => m.vm))].sort()).toEqual(
        scenario.vms.map((v) => v.name).sort(),
      );
      const nodes = new Set(migrations.flatMap((m) => [m.sourceNode, m.destinationNode]));
      expect([...nodes].every((n) => n !== null && scenario.nodes.some((x) => x.name === n))).toBe(
        true,
      );
      // The table says which names were joined and why.
      const table = runCli(['migrations', '--db', db, '--format', 'table']);
      if (scenario.resourceNames)
        expect(table.stdout).toMatch(/VM names taken as one VM:\n {2}'.+' is .+: .+/);
    });

  it('half-collected: likely verdicts, never "unknown (unknown)", and the missing node with its collect command', () => {
    const run = runCli(['analyze', 'sample-logs/half-collected', '--db', ':memory:']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('unknown (unknown)');
    expect(run.stdout).toContain('#2 ERP02 HV02 -> HV03 (failed): system-drive-mismatch (likely)');
    expect(run.stdout).toContain('#3 CRM05 HV02 -> HV03 (failed): authentication-failed (likely)');
    expect(run.stdout).toContain('only one side speaks: no logs from HV03');
    expect(run.stdout).toMatch(
      /node-logs-missing \(confirmed\): HV03 sent no logs: missing the event logs of HV03 \(.*Hyper-V-High-Availability-Admin.*\) and its cluster log\n {2}do: Collect them: lmdoctor collect-script -o collect-lmdoctor\.ps1; then on HV03, in an elevated PowerShell: powershell\.exe -ExecutionPolicy Bypass -File \.\\collect-lmdoctor\.ps1 -LocalOnly/,
    );
  });
});
