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

const guidCache = new Map<string, string | null>();

/** `{5B1E…}` or `5b1e…` → upper-case GUID without braces; null when there is none. Pure. */
export function normalizeGuid(text: string): string | null {
  let guid = guidCache.get(text);
  if (guid === undefined) {
    const match = guidPattern.exec(text);
    guid = match?.[1] ? match[1].toUpperCase() : null;
    if (guidCache.size < 100_000) guidCache.set(text, guid);
  }
  return guid;
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

  private readonly seenPairs = new Set<string>();

  /** Learns from one record's mention. */
  add(mention: VmMention): void {
    const pair = `${mention.vmId ?? ''}\u0000${mention.name ?? ''}`;
    if (this.seenPairs.has(pair)) return;
    this.seenPairs.add(pair);
    this.described = null;
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

  private described: Map<string, { vm: string; vmId: string | null }> | null = null;

  /** Display name (the first name seen) and GUID of a VM key. */
  describe(key: string): { vm: string; vmId: string | null } {
    if (this.described === null) {
      const names = new Map<string, string>();
      const ids = new Map<string, string>();
      for (const member of this.parent.keys()) {
        const root = this.find(member);
        if (member.startsWith('name:') && !names.has(root))
          names.set(root, this.displayName.get(member) ?? member.slice(5));
        if (member.startsWith('id:') && !ids.has(root)) ids.set(root, member.slice(3));
      }
      this.described = new Map();
      for (const root of new Set([...names.keys(), ...ids.keys()])) {
        const id = ids.get(root) ?? null;
        this.described.set(root, { vm: names.get(root) ?? id ?? root, vmId: id });
      }
    }
    return this.described.get(key) ?? { vm: key.replace(/^(name|id):/, ''), vmId: null };
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
