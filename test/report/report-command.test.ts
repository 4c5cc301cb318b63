import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';

describe('lmdoctor report and analyze --report', () => {
  const tempDir = useTempDir();

  it('analyze --report picks the format from the extension; report reads the same database', () => {
    const db = join(tempDir(), 'case.db');
    const md = join(tempDir(), 'case.md');
    const analyzed = runCli([
      'analyze',
      'sample-logs/no-migration-network',
      '--db',
      db,
      '-q',
      '--report',
      md,
      '--lang',
      'en',
    ]);
    expect(analyzed.stderr).toBe('');
    expect(analyzed.status).toBe(0);
    expect(readFileSync(md, 'utf8')).toMatch(/^# lmdoctor live-migration report\n/);

    const json = runCli(['report', '--db', db, '--format', 'json']);
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      schemaVersion: number;
      migrations: { diagnosis: { cause: string } | null }[];
    };
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.migrations.some((m) => m.diagnosis?.cause === 'no-migration-network')).toBe(true);

    const out = join(tempDir(), 'again.json');
    expect(runCli(['report', '--db', db, '--output', out]).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(parsed);
  });

  it('refuses a report file name without a known extension, before reading anything', () => {
    const db = join(tempDir(), 'case.db');
    const run = runCli([
      'analyze',
      'sample-logs/default',
      '--db',
      db,
      '--report',
      join(tempDir(), 'report.txt'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot tell the report format');
    expect(existsSync(db)).toBe(false);
  });

  it('says what to do when there is no database', () => {
    const run = runCli(['report', '--db', join(tempDir(), 'missing.db')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('lmdoctor analyze');
  });

  it('takes the language from the locale unless --lang says otherwise', () => {
    const run = (env: Record<string, string>, ...args: string[]) =>
      spawnSync(
        process.execPath,
        [join(repoRoot, 'dist', 'cli', 'main.js'), 'report', '--db', ':memory:', ...args],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          env: {
            ...process.env,
            LC_ALL: '',
            LC_MESSAGES: '',
            LANGUAGE: '',
            LMDOCTOR_DB: '',
            ...env,
          },
        },
      ).stdout;
    expect(run({ LANG: 'pt_BR.UTF-8' })).toMatch(/^# Relatório de migração ao vivo do lmdoctor\n/);
    expect(run({ LANG: 'pt_BR.UTF-8' }, '--lang', 'en')).toMatch(
      /^# lmdoctor live-migration report\n/,
    );
    expect(run({ LANG: 'en_GB.UTF-8' })).toMatch(/^# lmdoctor live-migration report\n/);
  });
});
