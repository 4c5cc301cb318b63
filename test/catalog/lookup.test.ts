import { describe, expect, it } from 'vitest';
import {
  fieldOf,
  fillTemplate,
  findCatalogEvent,
  isCatalogChannel,
  messageOf,
  normalizeChannel,
  roleOf,
  wordingOf,
} from '../../src/catalog/lookup.js';
import type { CatalogEvent } from '../../src/catalog/types.js';

function entry(provider: string, id: number): CatalogEvent {
  const found = findCatalogEvent(provider, id);
  if (!found) throw new Error(`${provider} ${id} is not in the catalogue`);
  return found;
}

const fc = 'Microsoft-Windows-FailoverClustering';
const ha = 'Microsoft-Windows-Hyper-V-High-Availability';

describe('findCatalogEvent', () => {
  it('accepts the provider with or without Microsoft-Windows- and in any case', () => {
    const full = entry(fc, 1135);
    expect(findCatalogEvent('FailoverClustering', 1135)).toBe(full);
    expect(findCatalogEvent('microsoft-windows-failoverclustering', 1135)).toBe(full);
    expect(findCatalogEvent('Hyper-V-VMMS', 20415)?.provider).toBe(
      'Microsoft-Windows-Hyper-V-VMMS',
    );
  });

  it('returns undefined for unknown ids and providers', () => {
    expect(findCatalogEvent(fc, 4)).toBeUndefined();
    expect(findCatalogEvent('Microsoft-Windows-Kernel-General', 1135)).toBeUndefined();
  });
});

describe('normalizeChannel', () => {
  it('turns the slash spelling into the hyphen spelling and keeps the rest', () => {
    expect(normalizeChannel('Microsoft-Windows-Hyper-V-VMMS/Admin')).toBe(
      'Microsoft-Windows-Hyper-V-VMMS-Admin',
    );
    expect(normalizeChannel('Microsoft-Windows-FailoverClustering/Operational')).toBe(
      'Microsoft-Windows-FailoverClustering-Operational',
    );
    expect(normalizeChannel(' Microsoft-Windows-Hyper-V-High-Availability-Admin ')).toBe(
      'Microsoft-Windows-Hyper-V-High-Availability-Admin',
    );
    expect(normalizeChannel('System')).toBe('System');
  });

  it('matches an entry channel in either spelling and any case', () => {
    const vmms = entry('Microsoft-Windows-Hyper-V-VMMS', 20415);
    expect(isCatalogChannel(vmms, 'Microsoft-Windows-Hyper-V-VMMS/Admin')).toBe(true);
    expect(isCatalogChannel(vmms, 'microsoft-windows-hyper-v-vmms-admin')).toBe(true);
    expect(isCatalogChannel(vmms, 'Microsoft-Windows-Hyper-V-VMMS-Operational')).toBe(false);
    expect(
      isCatalogChannel(entry(fc, 1641), 'Microsoft-Windows-FailoverClustering/Operational'),
    ).toBe(true);
  });
});

describe('fillTemplate', () => {
  it('fills %n from values in order, from a list or from LogEvent data', () => {
    const template = "Started live migration on the source node (VM resource '%2', VMID %1).";
    expect(fillTemplate(template, ['E0D0-1', 'Virtual Machine VM01'])).toBe(
      "Started live migration on the source node (VM resource 'Virtual Machine VM01', VMID E0D0-1).",
    );
    expect(fillTemplate('%1 and %2', { Parameter0: 'a', Parameter1: 'b' })).toBe('a and b');
  });

  it('leaves a missing value empty and reads two-digit positions', () => {
    expect(fillTemplate("'%1' / '%3'", ['x'])).toBe("'x' / ''");
    const values = Array.from({ length: 12 }, (_, i) => `v${i + 1}`);
    expect(fillTemplate('%12-%1', values)).toBe('v12-v1');
  });

  it('honours the FormatMessage escapes and drops format specs', () => {
    expect(fillTemplate('100%% done%nnext%tcol %1!s!.', ['x'])).toBe('100% done\nnext\tcol x.');
  });
});

describe('fieldOf and messageOf', () => {
  it('binds VMMS UserData Parameter0… by position', () => {
    const vmms = entry('Microsoft-Windows-Hyper-V-VMMS', 20415);
    const event = {
      data: { Parameter0: '773356-USTSTDB5', Parameter1: 'E0D0A6A3-1C2B', Parameter2: '0.5' },
      message: null,
    };
    expect(fieldOf(event, vmms, 'vmName')).toBe('773356-USTSTDB5');
    expect(fieldOf(event, vmms, 'vmId')).toBe('E0D0A6A3-1C2B');
    expect(fieldOf(event, vmms, 'seconds')).toBe('0.5');
    expect(fieldOf(event, vmms, 'node')).toBeNull();
    expect(messageOf(event, vmms)).toBe(
      "The Virtual Machine Management service successfully completed the live migration of virtual machine '773356-USTSTDB5' with a blackout time of 0.5 seconds (VMID E0D0A6A3-1C2B).",
    );
  });

  it('prefers the rendered message and gives null when no template is known', () => {
    const e21126 = entry(ha, 21126);
    const rendered = { data: { param1: 'HV02' }, message: 'as rendered' };
    expect(messageOf(rendered, e21126)).toBe('as rendered');
    expect(
      messageOf({ data: {}, message: null }, entry('Microsoft-Windows-Hyper-V-VMMS', 21024)),
    ).toBeNull();
  });

  it('picks the 1641 wording by the number of values without a message', () => {
    const e1641 = entry(fc, 1641);
    const toOnly = { data: { param1: 'VM01', param2: 'HV02' }, message: null };
    const fromTo = { data: { param1: 'VM01', param2: 'HV01', param3: 'HV02' }, message: null };
    expect(fieldOf(toOnly, e1641, 'destinationNode')).toBe('HV02');
    expect(fieldOf(toOnly, e1641, 'sourceNode')).toBeNull();
    expect(fieldOf(fromTo, e1641, 'sourceNode')).toBe('HV01');
    expect(fieldOf(fromTo, e1641, 'destinationNode')).toBe('HV02');
    expect(messageOf(toOnly, e1641)).toBe(
      "Clustered role 'VM01' is moving to cluster node 'HV02'.",
    );
  });

  it('picks the 1069 wording by its rendered text, line breaks rendered as CRLF', () => {
    const e1069 = entry(fc, 1069);
    const policy =
      'Based on the failure policies for the resource and role, the cluster service may try to bring the resource online on this node or move the group to another node of the cluster and then restart it.  Check the resource and group state using Failover Cluster Manager or the Get-ClusterResource Windows PowerShell cmdlet.';
    const data = {
      param1: 'Virtual Machine VM01',
      param2: 'VM01',
      param3: 'Virtual Machine',
      param4: 'The device is not ready.',
      param5: '21',
    };
    const withCause = {
      data,
      message: `Cluster resource 'Virtual Machine VM01' of type 'Virtual Machine' in clustered role 'VM01' failed. The error code was '21' ('The device is not ready.').\r\n\r\n${policy}`,
    };
    expect(wordingOf(withCause, e1069).symbolicName).toBe('RCM_RESOURCE_FAILURE_WITH_CAUSE');
    expect(fieldOf(withCause, e1069, 'errorCode')).toBe('21');
    expect(fieldOf(withCause, e1069, 'errorText')).toBe('The device is not ready.');
    // Five values but the error-code wording: the text decides, not the count.
    const withCode = {
      data: { ...data, param4: '5016', param5: '' },
      message: `Cluster resource 'Virtual Machine VM01' of type 'Virtual Machine' in clustered role 'VM01' failed. The error code was '5016'.\r\n\r\n${policy}`,
    };
    expect(wordingOf(withCode, e1069).symbolicName).toBe('RCM_RESOURCE_FAILURE_WITH_ERROR_CODE');
    expect(fieldOf(withCode, e1069, 'errorCode')).toBe('5016');
    const plain = {
      data: { param1: 'Virtual Machine VM01', param2: 'VM01' },
      message: "Cluster resource 'Virtual Machine VM01' in clustered role 'VM01' failed.",
    };
    expect(wordingOf(plain, e1069).symbolicName).toBe('RCM_RESOURCE_FAILURE');
    expect(fieldOf(plain, e1069, 'errorCode')).toBeNull();
    expect(fieldOf(plain, e1069, 'group')).toBe('VM01');
  });
});

describe('roleOf', () => {
  it('reads the cluster service start and stop from 7036', () => {
    const scm = entry('Service Control Manager', 7036);
    const data = (state: string) => ({ param1: 'Cluster Service', param2: state, Binary: '43' });
    expect(roleOf({ data: data('running'), message: null }, scm)).toBe('cluster-service-start');
    expect(roleOf({ data: data('stopped'), message: null }, scm)).toBe('cluster-service-stop');
    const other = { data: { param1: 'Windows Update', param2: 'stopped' }, message: null };
    expect(roleOf(other, scm)).toBe('context');
  });

  it('decides 1125 and 1126 by text, whichever id carries it', () => {
    const unreachable =
      "Cluster network interface 'HV01 - LM' for cluster node 'HV01' on network 'LM' is unreachable by at least one other cluster node attached to the network. The failover cluster was not able to determine the location of the failure.";
    const up =
      "Cluster network interface 'HV01 - LM' for cluster node 'HV01' on network 'LM' is operational (up).";
    for (const id of [1125, 1126]) {
      expect(roleOf({ data: {}, message: unreachable }, entry(fc, id))).toBe(
        'interface-unreachable',
      );
      expect(roleOf({ data: {}, message: up }, entry(fc, id))).toBe('interface-up');
    }
    const bound = {
      data: { param1: 'HV01 - LM', param2: 'HV01', param3: 'LM' },
      message: unreachable,
    };
    expect(fieldOf(bound, entry(fc, 1125), 'network')).toBe('LM');
  });

  it('reads 21024 as a failure only when it says so', () => {
    const e21024 = entry('Microsoft-Windows-Hyper-V-VMMS', 21024);
    const failed =
      "Virtual machine migration operation for 'VM01' failed at migration source 'HV01'.";
    expect(roleOf({ data: {}, message: failed }, e21024)).toBe('lm-failed');
    expect(roleOf({ data: {}, message: null }, e21024)).toBe('context');
  });

  it('gives the entry role when no text decides', () => {
    const e5122 = entry(fc, 5122);
    const data = { param1: 'Volume1', param2: 'Cluster Disk 1' };
    expect(roleOf({ data, message: null }, e5122)).toBe('csv-resumed');
    expect(roleOf({ data: { param1: 'HV01' }, message: null }, entry(fc, 1135))).toBe('node-down');
  });
});
