import { describe, expect, it } from 'vitest';
import { NodeNames, nodeKey, shortNodeName } from '../../src/model/node-name.js';

describe('node identity', () => {
  it('gives short name, FQDN, numbered and case variants one key', () => {
    for (const name of ['HV01', 'hv01', ' Hv01.contoso.local ', 'HV01(1)', 'hv01.CONTOSO'])
      expect(nodeKey(name)).toBe('HV01');
    expect(nodeKey('HV02')).not.toBe(nodeKey('HV01'));
    expect(shortNodeName('prdhv11.corp.example')).toBe('prdhv11');
  });

  it('shows a node the way the most authoritative input spells it', () => {
    const names = new NodeNames();
    names.learn('PRDHV11.corp.example', 'events');
    expect(names.canonical('prdhv11')).toBe('PRDHV11');
    names.learn('prdhv11', 'node-list');
    expect(names.canonical('PRDHV11.corp.example')).toBe('prdhv11');
    names.learn('Prdhv11', 'events');
    expect(names.canonical('PRDHV11(2)')).toBe('prdhv11');
    expect(names.list()).toEqual(['prdhv11']);
  });

  it('keeps the first spelling among equals and shows unknown nodes by their key', () => {
    const names = new NodeNames([
      { name: 'Hv02', rank: 'cluster-log' },
      { name: 'HV02', rank: 'cluster-log' },
    ]);
    expect(names.canonical('hv02')).toBe('Hv02');
    expect(names.canonical('hv09.contoso')).toBe('HV09');
    expect(names.has('hv09')).toBe(false);
    expect(names.has('HV02.contoso')).toBe(true);
  });

  it('finds a known node standing in a file or folder name', () => {
    const names = new NodeNames([
      { name: 'ELM-HV1', rank: 'events' },
      { name: 'ELM-HV2', rank: 'events' },
      { name: 'HV1', rank: 'path' },
    ]);
    expect(names.findIn('ELM-HV1')).toBe('ELM-HV1');
    expect(names.findIn('elm-hv2.zip')).toBe('ELM-HV2');
    expect(names.findIn('logs_ELM-HV2_2024')).toBe('ELM-HV2');
    expect(names.findIn('ELM-HV12')).toBeNull();
    expect(names.findIn('ELM-HV1 and ELM-HV2')).toBeNull();
    expect(names.findIn('hv1-system.evtx')).toBe('HV1');
    expect(names.findIn('Cluster.log')).toBeNull();
  });
});
