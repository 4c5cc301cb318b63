import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/diagnosis.js';
import { saveFindings, selectFindings } from '../../src/store/findings-table.js';
import { saveReconstruction } from '../../src/store/migrations-table.js';
import { openStore } from '../../src/store/open-database.js';
import { makeMigration } from '../diagnose/case-builders.js';

const diagnosis: Finding = {
  migrationId: 1,
  scope: 'migration',
  cause: 'node-down',
  verdict: 'confirmed',
  summary: 'HV02 left the cluster during the attempt',
  remediation: 'bring it back',
  evidence: [
    {
      table: 'events',
      id: 7,
      node: 'HV01',
      time: '2020-01-01T10:00:01.0000000Z',
      note: '1135: node HV02',
    },
  ],
  path: [
    {
      node: 'node-lost',
      check: 'node-lost',
      question: 'Did a node leave?',
      answer: 'yes',
      summary: 'HV02 left',
      evidence: [],
      missing: null,
    },
  ],
};
const advisory: Finding = {
  ...diagnosis,
  migrationId: null,
  scope: 'cluster',
  cause: 'subnet-mismatch',
  path: [],
};

describe('findings table', () => {
  it('stores findings with their evidence and path, and replaces them on the next save', () => {
    const db = openStore(':memory:');
    saveReconstruction(db, [makeMigration()], []);
    saveFindings(db, [diagnosis, advisory]);
    expect(selectFindings(db)).toEqual([diagnosis, advisory]);
    saveFindings(db, [advisory]);
    expect(selectFindings(db)).toEqual([advisory]);
  });

  it('drops a migration\u2019s findings when replay replaces the migrations, keeping advisories', () => {
    const db = openStore(':memory:');
    saveReconstruction(db, [makeMigration()], []);
    saveFindings(db, [diagnosis, advisory]);
    saveReconstruction(db, [], []);
    expect(selectFindings(db)).toEqual([advisory]);
  });
});
