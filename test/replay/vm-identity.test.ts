import { describe, expect, it } from 'vitest';
import { VmIdentities, type MentionedName, type VmMention } from '../../src/replay/identity.js';
import { classifyEvent } from '../../src/replay/classify-record.js';
import { VmKeys } from '../../src/replay/vm-keys.js';

const vm = (name: string): MentionedName => ({ name, origin: 'vm' });
const resource = (name: string): MentionedName => ({ name, origin: 'resource' });
const group = (name: string): MentionedName => ({ name, origin: 'group' });
const mention = (names: MentionedName[], vmId: string | null = null): VmMention => ({
  vmId,
  names,
});

describe('VM identity in any language', () => {
  it('takes a resource or group name that contains a VM name known from Hyper-V events as that VM, whatever the words around it', () => {
    const ids = new VmIdentities();
    const known = mention([vm('WEB-PRD02')], '5B1E0C3A-1111-4A2B-8C3D-0123456789AB');
    const localized = mention([resource('Máquina Virtual WEB-PRD02')]);
    const invented = mention([resource('Zorblat Quenvi de WEB-PRD02 (Vexmo)')]);
    for (const m of [known, localized, invented]) ids.add(m);
    const key = ids.keyOf(known);
    expect(ids.keyOf(localized)).toBe(key);
    expect(ids.keyOf(invented)).toBe(key);
    expect(ids.describe(key).vm).toBe('WEB-PRD02');
    expect(ids.joins()).toEqual([
      expect.objectContaining({
        vm: 'WEB-PRD02',
        name: 'Máquina Virtual WEB-PRD02',
        reason: expect.stringContaining("contains the VM name 'WEB-PRD02'"),
      }),
      expect.objectContaining({ vm: 'WEB-PRD02', name: 'Zorblat Quenvi de WEB-PRD02 (Vexmo)' }),
    ]);
  });

  it('matches whole names only: WEB01 is not inside WEB01-OLD, and the longest known name wins', () => {
    const ids = new VmIdentities();
    for (const name of ['WEB01', 'WEB01-OLD']) ids.add(mention([vm(name)]));
    const other = mention([resource('Máquina Virtual WEB01-OLD')]);
    const partial = mention([group('XWEB01 rolle')]);
    ids.add(other);
    ids.add(partial);
    expect(ids.describe(ids.keyOf(other)).vm).toBe('WEB01-OLD');
    expect(ids.describe(ids.keyOf(partial)).vm).toBe('XWEB01 rolle');
  });

  it('leaves a name as it is when no VM name from the events is in it, or two fit equally', () => {
    const ids = new VmIdentities();
    ids.add(mention([vm('APP1')]));
    ids.add(mention([vm('APP2')]));
    const both = mention([group('Gruppe APP1 APP2')]);
    const none = mention([resource('Máquina Virtual SQL09')]);
    ids.add(both);
    ids.add(none);
    expect(ids.describe(ids.keyOf(both)).vm).toBe('Gruppe APP1 APP2');
    expect(ids.describe(ids.keyOf(none)).vm).toBe('Máquina Virtual SQL09');
    expect(ids.joins()).toEqual([]);
  });

  it('joins names that carry the same VM id and shows the Hyper-V name, whatever was seen first', () => {
    const ids = new VmIdentities();
    const guid = '0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D';
    const first = mention([resource('Wirtuell Maszyn DB7')], guid);
    ids.add(first);
    ids.add(mention([vm('DB7')], guid));
    expect(ids.describe(ids.keyOf(first))).toEqual({ vm: 'DB7', vmId: guid });
    expect(ids.joins()).toEqual([
      {
        vm: 'DB7',
        vmId: guid,
        name: 'Wirtuell Maszyn DB7',
        reason: `seen with the VM id ${guid}`,
      },
    ]);
  });

  it('links a resource to its group and VmId from the configuration dump when no event names both', () => {
    const keys = new VmKeys();
    keys.hint([{ resource: 'Qarnu Fel SAP01', group: 'SAP01', vmId: null }]);
    const byResource = keys.learn(fields({ resource: 'Qarnu Fel SAP01' }));
    const byGroup = keys.learn(fields({ group: 'SAP01' }));
    expect(keys.keyOf(byResource)).toBe(keys.keyOf(byGroup));
    expect(keys.identities.describe(keys.keyOf(byGroup)!).vm).toBe('SAP01');
    expect(keys.identities.joins()[0]?.reason).toContain("in the cluster group 'SAP01'");
  });
});

describe('Hyper-V-Worker events name their VM by field name', () => {
  it('binds VmName and VmId of a Worker event whatever the order of its data (D1, S16)', () => {
    const record = classifyEvent({
      id: 9,
      time: '2023-03-07T08:29:47.0000000Z',
      node: 'HV01',
      provider: 'Microsoft-Windows-Hyper-V-Worker',
      eventId: 3030,
      data: {
        VmId: '3E5A7C9B-1D3F-4E5A-8C7B-9D1F3E5A7C22',
        RamSizeInMb: '8192',
        VmName: 'SQL22',
        ErrorCode: 'Insufficient system resources exist to complete the requested service.',
        HResult: '0x800705AA',
      },
      message: null,
    });
    expect(record?.fields.vmName).toBe('SQL22');
    expect(record?.fields.vmId).toBe('3E5A7C9B-1D3F-4E5A-8C7B-9D1F3E5A7C22');
    const keys = new VmKeys();
    const worker = keys.learn(record!);
    const localized = keys.learn(fields({ resource: 'Máquina Virtual SQL22' }));
    expect(keys.keyOf(localized)).toBe(keys.keyOf(worker));
  });
});

function fields(values: Record<string, string>) {
  return {
    table: 'events' as const,
    id: 1,
    time: '2020-01-01T00:00:00.0000000Z',
    node: 'HV01',
    role: 'context' as const,
    category: 'migration' as const,
    side: null,
    fields: values,
    label: 'x',
    text: '',
  };
}
