import type { ReplayRecord } from './replay-record.js';

const guidPattern = /\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?/i;
const resourcePrefix = /^Virtual Machine (Configuration )?/i;

/** `HV01.contoso.local`, `hv01`, `HV01(1)` → `HV01`. Pure. */
export function normalizeNodeName(name: string): string {
  return name
    .trim()
    .replace(/\(\d+\)$/, '')
    .split('.')[0]!
    .toUpperCase();
}

/** `{5B1E…}` or `5b1e…` → upper-case GUID without braces; null when there is none. Pure. */
export function normalizeGuid(text: string): string | null {
  const match = guidPattern.exec(text);
  return match?.[1] ? match[1].toUpperCase() : null;
}

/** `Virtual Machine SQL01` / `Virtual Machine Configuration SQL01` / `SQL01` → `SQL01`. Pure. */
export function vmNameFromResource(name: string): string {
  return name.trim().replace(resourcePrefix, '').trim();
}

/** The VM identity a record carries: its GUID and its name (either may be missing). */
export interface VmMention {
  vmId: string | null;
  name: string | null;
}

/** What a record says about which VM it concerns. Pure. */
export function vmMention(record: ReplayRecord): VmMention | null {
  const { vmId, vmName, resource, group } = record.fields;
  const id = vmId ? normalizeGuid(vmId) : null;
  const raw = vmName ?? (resource ? vmNameFromResource(resource) : null) ?? group ?? null;
  const name = raw !== null && raw.trim() !== '' ? raw.trim() : null;
  if (id === null && name === null) return null;
  return { vmId: id, name };
}

/**
 * Links every name and GUID that appear together in some record into one VM, so the same VM
 * logged by GUID on one node and by name on another is one key. Names compare case-blind.
 */
export class VmIdentities {
  private readonly parent = new Map<string, string>();
  private readonly displayName = new Map<string, string>();
  private readonly guidOf = new Map<string, string>();

  /** Learns from one record's mention. */
  add(mention: VmMention): void {
    const keys: string[] = [];
    if (mention.vmId) keys.push(`id:${mention.vmId}`);
    if (mention.name) {
      const key = `name:${mention.name.toUpperCase()}`;
      if (!this.displayName.has(key)) this.displayName.set(key, mention.name);
      keys.push(key);
    }
    for (const key of keys) if (!this.parent.has(key)) this.parent.set(key, key);
    if (keys.length === 2) this.union(keys[0]!, keys[1]!);
  }

  /** The stable key of the VM a mention belongs to. */
  keyOf(mention: VmMention): string {
    const key = mention.vmId ? `id:${mention.vmId}` : `name:${mention.name!.toUpperCase()}`;
    return this.parent.has(key) ? this.find(key) : key;
  }

  /** Display name (the first name seen) and GUID of a VM key. */
  describe(key: string): { vm: string; vmId: string | null } {
    let name: string | null = null;
    let id: string | null = null;
    for (const member of this.parent.keys()) {
      if (this.find(member) !== key) continue;
      if (member.startsWith('name:') && name === null) name = this.displayName.get(member) ?? null;
      if (member.startsWith('id:') && id === null) id = member.slice(3);
    }
    return { vm: name ?? id ?? key, vmId: id ?? this.guidOf.get(key) ?? null };
  }

  private find(key: string): string {
    let root = key;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let walk = key;
    while (walk !== root) {
      const next = this.parent.get(walk)!;
      this.parent.set(walk, root);
      walk = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // Keep a name root when there is one, so keys read well in debugging.
    if (ra.startsWith('name:')) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}
