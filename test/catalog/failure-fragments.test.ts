import { describe, expect, it } from 'vitest';
import { classifyFailureText, failureFragments } from '../../src/catalog/failure-fragments.js';
import { causeIds } from './cause-ids.js';

/**
 * The fragments of events.md §1b as rendered (`%s`/`%d` filled in), with the class and side
 * the table gives them.
 */
const cases: {
  id: string;
  text: string;
  side: 'source' | 'destination' | null;
  cause: string | null;
  code: number | null;
}[] = [
  {
    id: 'failed-at-source',
    text: "Virtual machine migration operation for 'VM1' failed at migration source 'CLU8N1'.",
    side: 'source',
    cause: null,
    code: null,
  },
  {
    id: 'failed-at-destination',
    text: "Virtual machine migration operation for 'VM1' failed at migration destination 'CLU8N2'.",
    side: 'destination',
    cause: null,
    code: null,
  },
  {
    id: 'connection-failed',
    text: "The Virtual Machine Management Service failed to establish a connection for a Virtual Machine migration with host 'HV02': A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond. (0x8007274C).",
    side: 'source',
    cause: 'migration-connection-failed',
    code: 0x8007274c,
  },
  {
    id: 'send-failed',
    text: 'Failed to send data for a Virtual Machine migration: An existing connection was forcibly closed by the remote host. (0x80072746)',
    side: 'source',
    cause: 'migration-connection-failed',
    code: 0x80072746,
  },
  {
    id: 'receive-failed',
    text: 'Failed to receive data for a Virtual Machine migration: This operation returned because the timeout period expired. (0x800705B4)',
    side: 'destination',
    cause: 'migration-connection-failed',
    code: 0x800705b4,
  },
  {
    id: 'no-credentials',
    text: "Failed to establish a connection with host 'HV02': No credentials are available in the security package (0x8009030E)",
    side: 'source',
    cause: 'authentication-failed',
    code: 0x8009030e,
  },
  {
    id: 'unknown-credentials',
    text: "Failed to establish a connection with host 'HV02': The credentials supplied to the package were not recognized (0x8009030D)",
    side: 'source',
    cause: 'authentication-failed',
    code: 0x8009030d,
  },
  {
    id: 'no-suitable-credentials',
    text: 'The Virtual Machine Management Service failed to authenticate the connection for a virtual machine migration at the source host: no suitable credentials available. Make sure the operation is initiated on the source host of the migration, or the source host is configured to use Kerberos for the authentication of migration connections and constrained delegation is enabled for the host in active directory.',
    side: 'source',
    cause: 'authentication-failed',
    code: null,
  },
  {
    id: 'wrong-principal',
    text: "Failed to establish a connection with host 'HV02': The target principal name is incorrect. (0x80090322)",
    side: 'source',
    cause: 'authentication-failed',
    code: 0x80090322,
  },
  {
    id: 'logon-type-not-granted',
    text: 'Failed to create Planned Virtual Machine at migration destination: Logon failure: the user has not been granted the requested logon type at this computer. (0x80070569)',
    side: 'destination',
    cause: 'authentication-failed',
    code: 0x80070569,
  },
  {
    id: 'migration-limit',
    text: 'Failed to perform migration on virtual machine "VM" because virtual machine migration limit "2" was reached, please wait for completion of an ongoing migration operation.',
    side: 'source',
    cause: 'concurrent-migration',
    code: null,
  },
  {
    id: 'processor-features',
    text: "Virtual machine 'VM01' is using processor-specific features not supported on host 'HV02'.",
    side: 'source',
    cause: 'processor-incompatible',
    code: null,
  },
  {
    id: 'hardware-incompatible',
    text: 'The virtual machine cannot be moved to the destination computer. The hardware on the destination computer is not compatible with the hardware requirements of this virtual machine.',
    side: 'source',
    cause: 'processor-incompatible',
    code: null,
  },
  {
    id: 'switch-missing',
    text: "'Virtual Machine VM01' failed to live migrate because a virtual switch used by the VM doesn't exist on the destination node 'HV02'",
    side: null,
    cause: 'virtual-network-name-mismatch',
    code: null,
  },
  {
    id: 'no-network-address',
    text: "Failed to get the network address for the destination node 'HV02': A cluster network is not available for this operation. (0x000013AB)",
    side: 'source',
    cause: 'no-migration-network',
    code: 0x13ab,
  },
  {
    id: 'move-not-completed',
    text: "The action 'Move' did not complete. Error Code: 0x80071398",
    side: null,
    cause: 'possible-owners',
    code: 0x80071398,
  },
  {
    id: 'create-partition',
    text: 'Failed to create partition: Insufficient system resources exist to complete the requested service. (0x800705AA)',
    side: 'destination',
    cause: 'destination-resources',
    code: 0x800705aa,
  },
  {
    id: 'initialize-memory',
    text: "'VM01' could not initialize memory: Ran out of memory (0x8007000E).",
    side: 'destination',
    cause: 'destination-resources',
    code: 0x8007000e,
  },
  {
    id: 'virtual-disk-provider',
    text: "'VM01' Synthetic SCSI Controller: Failed to restore with Error 'A virtual disk support provider for the specified file was not found.' (0xC03A0014)",
    side: 'destination',
    cause: null,
    code: 0xc03a0014,
  },
  {
    id: 'listener-disabled',
    text: 'The Virtual Machine Management Service disabled the listener for Virtual Machine migration connections.',
    side: 'source',
    cause: 'migration-connection-failed',
    code: null,
  },
  {
    id: 'none-mapped',
    text: 'No mapping between account names and security IDs was done. (0x80070534)',
    side: 'source',
    cause: 'authentication-failed',
    code: 0x80070534,
  },
  {
    id: 'register-configuration-failed',
    text: "The Virtual Machine Management Service failed to register the configuration for the virtual machine '028EA0C1-4D6F-4B3D-8E7A-8C0E2A4C6EE0' at 'C:\\ClusterStorage\\Volume1\\SAP01': The system cannot find the path.",
    side: 'destination',
    cause: 'system-drive-mismatch',
    code: null,
  },
  {
    id: 'another-migration-in-progress',
    text: 'The migration failed because another migration was in progress.',
    side: null,
    cause: 'concurrent-migration',
    code: null,
  },
  {
    id: 'key-protector',
    text: "The key protector for the virtual machine 'VM01' could not be unwrapped.",
    side: 'destination',
    cause: null,
    code: null,
  },
  {
    id: 'processor-features-physical',
    text: 'The virtual machine uses processor-specific features not supported on the physical computer.',
    side: 'source',
    cause: 'processor-incompatible',
    code: null,
  },
  // Unverified (anchor text, events-modern.md §2a): matched, but decides nothing alone.
  {
    id: 'microcode-mismatch',
    text: 'Failed to live migrate a VM between nodes with different microcode (uCode) revisions',
    side: null,
    cause: null,
    code: null,
  },
  {
    id: 'disconnected-switch',
    text: 'Destination has disconnected VM switch(s)',
    side: null,
    cause: null,
    code: null,
  },
  {
    id: 'internal-or-private-switch',
    text: 'Failed to live migrate a VM across nodes in a cluster when connected to an internal or private virtual switch',
    side: null,
    cause: null,
    code: null,
  },
  {
    id: 'failed-at-source-with-code',
    text: 'Failed to live migrate virtual machine VM1 at migration source Node1 with error code 0x800705B4',
    // The unverified marker does not decide: side and cause are the code's (ERROR_TIMEOUT).
    side: 'destination',
    cause: 'migration-connection-failed',
    code: 0x800705b4,
  },
  {
    id: 'shared-virtual-disk',
    text: "Shared virtual disks can only be used in clustered VM roles and can't be migrated using standard methods.",
    side: null,
    cause: null,
    code: null,
  },
];

describe('failure fragments', () => {
  it('lets an unverified fragment decide nothing on its own', () => {
    const unverified = failureFragments.filter((f) => !f.verified);
    expect(unverified.map((f) => f.id)).toEqual(
      expect.arrayContaining(['microcode-mismatch', 'disconnected-switch']),
    );
    const result = classifyFailureText(
      'Failed to live migrate a VM between nodes with different microcode (uCode) revisions',
    );
    expect(result).toEqual({
      side: null,
      category: null,
      cause: null,
      code: null,
      fragments: ['microcode-mismatch'],
    });
  });

  it('reads the 2023 KB wording "isn\'t compatible" like "is not compatible"', () => {
    const result = classifyFailureText(
      "The virtual machine cannot be moved to the destination computer. The hardware on the destination computer isn't compatible with the hardware requirements of this virtual machine.",
    );
    expect(result.cause).toBe('processor-incompatible');
  });

  it('points only to cause ids of DESIGN §6', () => {
    for (const f of failureFragments) if (f.cause !== null) expect(causeIds).toContain(f.cause);
  });

  it('has a test case for every fragment', () => {
    expect(cases.map((c) => c.id).sort()).toEqual(failureFragments.map((f) => f.id).sort());
  });

  for (const c of cases) {
    it(`classifies ${c.id}`, () => {
      const result = classifyFailureText(c.text);
      expect(result.fragments).toContain(c.id);
      expect(result.side).toBe(c.side);
      expect(result.cause).toBe(c.cause);
      expect(result.code).toBe(c.code);
    });
  }

  it('classifies the real 21502 text chain of S4: failed at source, no network', () => {
    const text = [
      "Live migration of 'Virtual Machine VM1' failed.",
      "Virtual machine migration operation for 'VM1' failed at migration source 'CLU8N1'.",
      'Failed to get the network address for the destination node "Host2": A cluster Network isn\'t available for this operation. (0x000013AB).',
    ].join('\n');
    expect(classifyFailureText(text)).toEqual({
      side: 'source',
      category: 'network',
      cause: 'no-migration-network',
      code: 0x13ab,
      fragments: ['failed-at-source', 'no-network-address'],
    });
  });

  it('lets the explicit side marker win over the side a code usually has', () => {
    const text =
      "Virtual machine migration operation for 'VM1' failed at migration destination 'HV02'. Failed to establish a connection with host 'HV02': No credentials are available in the security package (0x8009030E)";
    expect(classifyFailureText(text)).toMatchObject({
      side: 'destination',
      cause: 'authentication-failed',
    });
  });

  it('classifies localised text by its code alone', () => {
    const text = "Falha ao obter o endereço de rede do nó de destino 'HV02': (0x000013AB).";
    expect(classifyFailureText(text)).toEqual({
      side: 'source',
      category: 'network',
      cause: 'no-migration-network',
      code: 0x13ab,
      fragments: [],
    });
  });

  it('falls back to an error code message written without its code', () => {
    const text =
      "Failed to establish a connection with host 'HV02': a connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond";
    expect(classifyFailureText(text)).toEqual({
      side: 'source',
      category: 'network',
      cause: 'migration-connection-failed',
      code: null,
      fragments: [],
    });
    // NTSTATUS descriptions are notes about a code, not message text.
    expect(classifyFailureText('A problem in the storage system.').cause).toBeNull();
    // "is not" matches the table's "isn't".
    expect(
      classifyFailureText('Error: A cluster network is not available for this operation').cause,
    ).toBe('no-migration-network');
  });

  it('says nothing about text it does not know', () => {
    expect(classifyFailureText('The operation completed successfully.')).toEqual({
      side: null,
      category: null,
      cause: null,
      code: null,
      fragments: [],
    });
  });
});
