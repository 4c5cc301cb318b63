import { describe, expect, it } from 'vitest';
import { checks } from '../../src/diagnose/checks.js';
import { flowchart } from '../../src/diagnose/diagnose-case.js';
import type { Flowchart } from '../../src/diagnose/flowchart.js';
import { liveMigrationFlowchart } from '../../src/diagnose/flowcharts/live-migration.js';
import {
  flowchartProblems,
  unreachableNodes,
  validateFlowchart,
} from '../../src/diagnose/validate-flowchart.js';
import { failureCauses } from '../../src/model/diagnosis.js';
import { causeIds } from '../catalog/cause-ids.js';

const checkNames = new Set(Object.keys(checks));

const tiny = (): Flowchart => ({
  id: 'tiny',
  title: 'tiny',
  start: 'q',
  nodes: {
    q: {
      kind: 'question',
      check: 'migration-failed',
      question: '?',
      yes: 'a',
      no: 'b',
      unknown: 'b',
      source: 'test',
    },
    a: {
      kind: 'conclusion',
      cause: 'node-down',
      verdict: 'confirmed',
      remediation: 'x',
      source: 'test',
    },
    b: {
      kind: 'conclusion',
      cause: 'unknown',
      verdict: 'unknown',
      remediation: 'y',
      source: 'test',
    },
  },
});

describe('the live-migration flowchart', () => {
  it('is valid: every check exists, no dangling edge, every node reachable', () => {
    expect(flowchartProblems(liveMigrationFlowchart, checkNames)).toEqual([]);
    expect(unreachableNodes(liveMigrationFlowchart)).toEqual([]);
    expect(validateFlowchart(liveMigrationFlowchart, checkNames)).toBe(flowchart);
  });

  it('concludes every failure cause of DESIGN §6, with ids the catalogue knows', () => {
    const concluded = new Set(
      Object.values(flowchart.nodes).flatMap((n) => (n.kind === 'conclusion' ? [n.cause] : [])),
    );
    expect([...concluded].sort()).toEqual([...failureCauses].sort());
    for (const cause of concluded) expect(causeIds.has(cause)).toBe(true);
  });

  it('asks the guide\u2019s five written checks and uses every registered check', () => {
    const used = new Set(
      Object.values(flowchart.nodes).flatMap((n) => (n.kind === 'question' ? [n.check] : [])),
    );
    // migration-slow is the gate before the walk (needsDiagnosis), not a question.
    expect([...used, 'migration-slow'].sort()).toEqual([...checkNames].sort());
    const written = Object.values(flowchart.nodes)
      .filter((n) => n.kind === 'question' && /guide\.md written check [1-5]/.test(n.source))
      .map((n) => /written check (\d)/.exec(n.source)![1]);
    expect([...new Set(written)].sort()).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('validateFlowchart', () => {
  it('accepts a sound chart', () => {
    expect(flowchartProblems(tiny(), checkNames)).toEqual([]);
  });

  it('names the node with an unknown check', () => {
    const chart = tiny();
    chart.nodes = {
      ...chart.nodes,
      q: { ...(chart.nodes.q as object), check: 'no-such-check' } as never,
    };
    expect(flowchartProblems(chart, checkNames)).toEqual([
      expect.stringMatching(
        /node "q" names check "no-such-check", which is not in the check registry/,
      ),
    ]);
  });

  it('names the node with a dangling edge', () => {
    const chart = tiny();
    chart.nodes = {
      ...chart.nodes,
      q: { ...(chart.nodes.q as object), unknown: 'nowhere' } as never,
    };
    expect(flowchartProblems(chart, checkNames)).toEqual([
      expect.stringMatching(/node "q" unknown edge leads to "nowhere", which is not a node/),
    ]);
  });

  it('names an unreachable node, and throws listing the problems', () => {
    const chart = tiny();
    chart.nodes = {
      ...chart.nodes,
      orphan: {
        kind: 'conclusion',
        cause: 'rhs-failure',
        verdict: 'likely',
        remediation: 'z',
        source: 'test',
      },
    };
    expect(flowchartProblems(chart, checkNames)).toEqual([
      expect.stringMatching(/node "orphan" cannot be reached from "q"/),
    ]);
    expect(() => validateFlowchart(chart, checkNames)).toThrow(
      /invalid flowchart:\n {2}tiny: node "orphan"/,
    );
  });

  it('names a missing start and an edge back to the same node', () => {
    const chart = { ...tiny(), start: 'missing' };
    expect(flowchartProblems(chart, checkNames)[0]).toMatch(/start node "missing" does not exist/);
    const loop = tiny();
    loop.nodes = { ...loop.nodes, q: { ...(loop.nodes.q as object), no: 'q' } as never };
    expect(flowchartProblems(loop, checkNames)).toEqual([
      expect.stringMatching(/node "q" no edge leads back to itself/),
    ]);
  });
});
