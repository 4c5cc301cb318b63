import { describe, expect, it } from 'vitest';
import { documentedSources } from '../../src/catalog/documented-sources.js';
import { documentedCommands } from '../../src/catalog/remediation-commands.js';
import { commandBlock } from '../../src/cli/render-commands.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { failureCauses, type CauseId } from '../../src/model/diagnosis.js';
import { runCli } from '../support/run-cli.js';

describe('documented remediation commands', () => {
  it('cite only sources shipped with lmdoctor, each with a title, publisher and https address', () => {
    const keys = new Set(documentedSources.map((s) => s.key));
    for (const groups of Object.values(documentedCommands))
      for (const group of groups ?? [])
        for (const key of group.sources) expect(keys).toContain(key);
    for (const s of documentedSources) {
      expect(s.title.length).toBeGreaterThan(5);
      expect(s.publisher).not.toBe('');
      for (const url of s.urls) expect(url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it('render as a block that fits the width, breaking long commands only after a pipe', () => {
    const tr = createTranslator('en');
    const lines = commandBlock('processor-incompatible', tr, 80);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines).toContain('    Compare-VM -Name <vm_name> -DestinationHost <host_name>');
    const pipe = lines.findIndex((l) => l.endsWith(' |'));
    expect(lines[pipe]).toMatch(/^ {4}get-vm -name <name of VM> .* \|$/);
    expect(lines[pipe + 1]).toBe('      Set-VMProcessor -CompatibilityForMigrationEnabled $true');
    expect(lines.at(-1)).toBe('  sources: lmdoctor sources M1 M6');
    // unlimited width: the command stays on one line, exactly as documented
    expect(commandBlock('processor-incompatible', tr)).toContain(
      '    get-vm -name <name of VM> -ComputerName <target cluster or host> | Set-VMProcessor -CompatibilityForMigrationEnabled $true',
    );
    const undocumented = failureCauses.filter((c: CauseId) => !documentedCommands[c]);
    for (const cause of undocumented) expect(commandBlock(cause, tr)).toEqual([]);
  });

  it('show in analyze (both languages), and `sources KEY` resolves every key they cite', () => {
    const db = ':memory:';
    const en = runCli(['analyze', 'sample-logs/authentication-failed', '--db', db, '-q']);
    expect(en.stdout).toContain('run (as Microsoft documents it; lmdoctor never runs it):');
    expect(en.stdout).toContain('    KLIST PURGE -li 0x3e7');
    const pt = runCli([
      'analyze',
      'sample-logs/authentication-failed',
      '--db',
      db,
      '-q',
      '--lang',
      'pt-BR',
    ]);
    expect(pt.stdout).toContain('executar (como a Microsoft documenta; o lmdoctor nunca executa):');
    const cited = /sources: lmdoctor sources ([\w ]+)/.exec(en.stdout)![1]!.split(' ');
    for (const key of cited) {
      const run = runCli(['sources', key, '--format', 'json']);
      expect(run.status).toBe(0);
      expect((JSON.parse(run.stdout) as { key: string }[])[0]!.key).toBe(key);
    }
    const unknown = runCli(['sources', 'X9']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no source X9[\s\S]*the keys are M1, /);
  });
});
