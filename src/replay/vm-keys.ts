import { vmMention, VmIdentities, type VmMention } from './identity.js';
import type { ReplayRecord } from './replay-record.js';

/** What a configuration dump says about a VM: its resource, the group it is in, its VmId. */
export interface VmHint {
  resource: string;
  group: string | null;
  vmId: string | null;
}

/**
 * Resolves the VM key of records. Records repeat the same few identity fields, so each
 * distinct combination is resolved once, looked up through nested maps (no per-record string).
 * `learn` feeds the identities; `keyOf` is only final once every record has been learnt.
 */
export class VmKeys {
  readonly identities = new VmIdentities();
  private readonly combos = new NestedCache<VmMention | null>();
  private readonly keys = new Map<VmMention, string>();

  /**
   * Learns what the configuration dumps say (Get-ClusterResource owner groups, the VmId
   * parameter of "Virtual Machine" resources): language-independent links between names.
   */
  hint(hints: readonly VmHint[]): void {
    for (const { resource, group, vmId } of hints) {
      const fields: ReplayRecord['fields'] = { resource };
      if (group) fields.group = group;
      if (vmId) fields.vmId = vmId;
      const mention = vmMention({ fields });
      if (mention)
        this.identities.add(
          mention,
          group
            ? `the configuration dump puts resource '${resource}' in the cluster group '${group}'${vmId ? ` (VmId ${vmId})` : ''}`
            : `the configuration dump gives resource '${resource}' the VmId ${vmId ?? '?'}`,
        );
    }
  }

  /** The record's VM mention (learnt into the identities the first time it is seen). */
  learn(record: ReplayRecord): VmMention | null {
    const { vmId, vmName, resource, group } = record.fields;
    if (!vmId && !vmName && !resource && !group) return null;
    return this.combos.get(vmId, vmName, resource, group, () => {
      const mention = vmMention(record);
      if (mention) this.identities.add(mention);
      return mention;
    });
  }

  /** The key of the VM a mention belongs to (null for none). */
  keyOf(mention: VmMention | null): string | null {
    if (mention === null) return null;
    let key = this.keys.get(mention);
    if (key === undefined) {
      key = this.identities.keyOf(mention);
      this.keys.set(mention, key);
    }
    return key;
  }
}

/** A cache keyed by four optional strings, without building a key string per lookup. */
class NestedCache<T> {
  private readonly root = new Map<string, Map<string, Map<string, Map<string, T>>>>();

  get(a = '', b = '', c = '', d = '', make: () => T): T {
    let level1 = this.root.get(a);
    if (!level1) this.root.set(a, (level1 = new Map()));
    let level2 = level1.get(b);
    if (!level2) level1.set(b, (level2 = new Map()));
    let level3 = level2.get(c);
    if (!level3) level2.set(c, (level3 = new Map()));
    if (level3.has(d)) return level3.get(d) as T;
    const value = make();
    level3.set(d, value);
    return value;
  }
}
