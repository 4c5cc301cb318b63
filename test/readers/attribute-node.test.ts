import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { NodeNames } from '../../src/model/node-name.js';
import {
  decideNode,
  matchNodeMap,
  nodeFromConfigFileName,
  nodeFromFileName,
  parseNodeMap,
} from '../../src/readers/attribute-node.js';

const known = new NodeNames([
  { name: 'ELM-HV1', rank: 'events' },
  { name: 'ELM-HV2', rank: 'events' },
]);
const decide = (displayPath: string, contentNode: string | null = null, kind = 'cluster-log') =>
  decideNode({ displayPath, kind, contentNode, needsNode: true }, known, []);

describe('file name patterns', () => {
  it('takes the node from <node>_cluster.log and drops a DNS suffix', () => {
    expect(nodeFromFileName('H19N1.H19Corp.com_cluster.log')).toBe('H19N1');
    expect(nodeFromFileName('node1_cluster.log')).toBe('node1');
    expect(nodeFromFileName('Cluster.log')).toBeNull();
  });

  it('finds a configuration capture node prefix only where one is written', () => {
    expect(nodeFromConfigFileName('HV01_Get-ClusterNetwork.txt')).toBe('HV01');
    expect(nodeFromConfigFileName('hv02.contoso.local-processors.txt')).toBe('hv02');
    expect(nodeFromConfigFileName('Get-ClusterNetwork.txt')).toBeNull();
  });
});

describe('decideNode', () => {
  it('prefers the content, then the file name, then the nearest folder naming a known node', () => {
    expect(decide('ELM-HV2/ELM-HV1_cluster.log', 'ELM-HV1')).toMatchObject({
      node: 'ELM-HV1',
      basis: 'content',
      conflict: null,
    });
    expect(decide('ELM-HV2/ELM-HV1_cluster.log')).toMatchObject({
      node: 'ELM-HV1',
      basis: 'file-name',
    });
    expect(decide('case/ELM-HV2/Reports/Cluster.log')).toMatchObject({
      node: 'ELM-HV2',
      basis: 'folder',
      evidence: 'the folder ELM-HV2',
    });
    expect(decide('case/elm-hv1.zip!/Cluster.log')).toMatchObject({
      node: 'ELM-HV1',
      basis: 'folder',
      evidence: 'the zip file elm-hv1.zip',
    });
    expect(decide('logs/elm-hv2-system.evtx', null, 'evtx')).toMatchObject({
      node: 'ELM-HV2',
      basis: 'file-name',
    });
  });

  it('says when the file name names another node than the content, and keeps the content', () => {
    const decision = decide('HV9_cluster.log', 'ELM-HV1');
    expect(decision.node).toBe('ELM-HV1');
    expect(decision.conflict).toMatch(/file name names node HV9 but its content says ELM-HV1/);
  });

  it('says what was tried when nothing names the node, and needs no node for cluster-wide files', () => {
    const unknown = decide('case/Reports/Cluster.log');
    expect(unknown.node).toBeNull();
    expect(unknown.basis).toBe('unknown');
    expect(unknown.evidence).toContain('the folders Reports, case');
    expect(unknown.evidence).toContain('none names a known node (ELM-HV1, ELM-HV2)');
    expect(unknown.evidence).toContain("--node-map 'Cluster.log=NODE'");
    expect(
      decideNode(
        {
          displayPath: 'Get-ClusterNetwork.txt',
          kind: 'config',
          contentNode: null,
          needsNode: false,
        },
        known,
        [],
      ).basis,
    ).toBe('not-needed');
  });

  it('applies --node-map rules to files whose content does not name the node', () => {
    const rules = [parseNodeMap('Reports/*.log=elm-hv2.contoso.local')];
    expect(
      decideNode(
        {
          displayPath: 'case/Reports/Cluster.log',
          kind: 'cluster-log',
          contentNode: null,
          needsNode: true,
        },
        known,
        rules,
      ),
    ).toMatchObject({ node: 'elm-hv2', basis: 'node-map' });
    expect(
      decideNode(
        {
          displayPath: 'case/Reports/Cluster.log',
          kind: 'cluster-log',
          contentNode: 'X',
          needsNode: true,
        },
        known,
        rules,
      ).basis,
    ).toBe('content');
  });
});

describe('--node-map', () => {
  it('matches a whole path or its last pieces, with *, ? and **, case-blind', () => {
    const rule = parseNodeMap('ELM-HV1/Cluster.log=ELM-HV1');
    expect(matchNodeMap('case/elm-hv1/cluster.log', [rule])).toBe(rule);
    expect(matchNodeMap('case/ELM-HV10/Cluster.log', [rule])).toBeNull();
    const star = parseNodeMap('*hv2*=ELM-HV2');
    expect(matchNodeMap('a/b/export-hv2-sys.evtx', [star])).toBe(star);
    expect(matchNodeMap('a/hv2/x.evtx', [star])).toBeNull();
    const deep = parseNodeMap('bundle.zip/**/Cluster.lo?=ELM-HV1');
    expect(matchNodeMap('bundle.zip!/x/y/Cluster.log', [deep])).toBe(deep);
    expect(matchNodeMap('C:\\case\\bundle.zip!/Cluster.log', [deep])).toBe(deep);
  });

  it('refuses a rule without a file or a node', () => {
    expect(() => parseNodeMap('Cluster.log')).toThrow(UsageError);
    expect(() => parseNodeMap('=HV01')).toThrow(UsageError);
    expect(() => parseNodeMap('Cluster.log=')).toThrow(UsageError);
  });
});
