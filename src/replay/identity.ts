import type { ReplayRecord } from './replay-record.js';

const guidPattern = /\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?/i;
/** The English resource names, the only ones a source shows (events-modern.md §1.1). */
const resourcePrefix = /^Virtual Machine (Configuration )?/i;

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

/**
 * Where a name came from: `vm` a Hyper-V event's own VM name field (VMMS, Worker), `resource`
 * a cluster resource name, `group` a cluster group (role) name.
 */
export type NameOrigin = 'vm' | 'resource' | 'group';

/** One name a record gives its VM. */
export interface MentionedName {
  name: string;
  origin: NameOrigin;
}

/** The VM identity a record carries: its GUID and its names (either may be missing). */
export interface VmMention {
  vmId: string | null;
  /** The first name is the one the record is keyed by when it has no GUID. */
  names: MentionedName[];
}

/** A name that was joined to a VM known by another name, and why (for the report). */
export interface VmNameJoin {
  vm: string;
  vmId: string | null;
  name: string;
  reason: string;
}

/** What a record says about which VM it concerns. Pure. */
export function vmMention(record: Pick<ReplayRecord, 'fields'>): VmMention | null {
  const { vmId, vmName, resource, group } = record.fields;
  const id = vmId ? normalizeGuid(vmId) : null;
  const names: MentionedName[] = [];
  const push = (raw: string | undefined, origin: NameOrigin) => {
    const name = raw?.trim();
    if (name && !names.some((n) => n.name.toUpperCase() === name.toUpperCase()))
      names.push({ name, origin });
  };
  push(vmName, 'vm');
  push(resource === undefined ? undefined : vmNameFromResource(resource), 'resource');
  push(group, 'group');
  if (id === null && names.length === 0) return null;
  return { vmId: id, names };
}

/** Characters that may be part of a VM name: a contained name must not touch one of them. */
const nameCharacter = /[\p{L}\p{N}_-]/u;

/** Whether `outer` contains `inner` as a whole name (both upper case). Pure. */
function containsName(outer: string, inner: string): boolean {
  for (let at = outer.indexOf(inner); at >= 0; at = outer.indexOf(inner, at + 1)) {
    const before = at === 0 ? '' : outer[at - 1]!;
    const after = outer[at + inner.length] ?? '';
    if (!nameCharacter.test(before) && !nameCharacter.test(after)) return true;
  }
  return false;
}

const originRank: Record<NameOrigin, number> = { vm: 0, group: 1, resource: 2 };

/**
 * Links every name and GUID that belong to one VM into one key, in any display language:
 * names and GUIDs given together (by a record or a configuration dump) join; a cluster group
 * or resource name that contains, as a whole word, a VM name known from the Hyper-V events of
 * the case is that VM, whatever words surround it (no localized prefix is assumed). Names
 * compare case-blind; a name that cannot be reduced stays as it is. Every join of two
 * different names is kept with its reason (joins()).
 */
export class VmIdentities {
  private readonly parent = new Map<string, string>();
  /** Name key → the name as first written and its best origin. */
  private readonly names = new Map<string, MentionedName>();
  /** Name key → why it joined another name (the first reason found). */
  private readonly reasons = new Map<string, string>();

  private readonly seen = new Set<string>();
  private settled = true;
  private described: Map<string, { vm: string; vmId: string | null }> | null = null;

  /** Learns from one record's mention; `reason` says why its names belong together. */
  add(mention: VmMention, reason?: string): void {
    const signature = `${mention.vmId ?? ''}\u0000${mention.names.map((n) => `${n.origin}:${n.name}`).join('\u0000')}`;
    if (this.seen.has(signature)) return;
    this.seen.add(signature);
    this.settled = false;
    this.described = null;
    const keys: string[] = [];
    if (mention.vmId) keys.push(`id:${mention.vmId}`);
    for (const { name, origin } of mention.names) {
      const key = `name:${name.toUpperCase()}`;
      const known = this.names.get(key);
      if (!known || originRank[origin] < originRank[known.origin])
        this.names.set(key, { name: known?.name ?? name, origin });
      keys.push(key);
    }
    for (const key of keys) if (!this.parent.has(key)) this.parent.set(key, key);
    const first = keys[0];
    if (first === undefined) return;
    for (const key of keys.slice(1))
      this.union(
        first,
        key,
        reason ?? (mention.vmId ? `seen with the VM id ${mention.vmId}` : 'named by one record'),
      );
  }

  /** The stable key of the VM a mention belongs to (final once every record was added). */
  keyOf(mention: VmMention): string {
    this.settle();
    const key = mention.vmId
      ? `id:${mention.vmId}`
      : `name:${mention.names[0]!.name.toUpperCase()}`;
    return this.parent.has(key) ? this.find(key) : key;
  }

  /** Display name and GUID of a VM key: the Hyper-V name, else the group's, else the resource's. */
  describe(key: string): { vm: string; vmId: string | null } {
    this.settle();
    if (this.described === null) {
      const best = new Map<string, MentionedName>();
      const ids = new Map<string, string>();
      for (const member of this.parent.keys()) {
        const root = this.find(member);
        const name = this.names.get(member);
        const current = best.get(root);
        if (name && (!current || originRank[name.origin] < originRank[current.origin]))
          best.set(root, name);
        if (member.startsWith('id:') && !ids.has(root)) ids.set(root, member.slice(3));
      }
      this.described = new Map();
      for (const root of new Set([...best.keys(), ...ids.keys()])) {
        const id = ids.get(root) ?? null;
        this.described.set(root, { vm: best.get(root)?.name ?? id ?? root, vmId: id });
      }
    }
    return this.described.get(key) ?? { vm: key.replace(/^(name|id):/, ''), vmId: null };
  }

  /** Every name joined to a VM shown under another name, with why, in name order. */
  joins(): VmNameJoin[] {
    const out: VmNameJoin[] = [];
    for (const [key, name] of this.names) {
      const { vm, vmId } = this.describe(this.find(key));
      if (vm.toUpperCase() === name.name.toUpperCase()) continue;
      out.push({ vm, vmId, name: name.name, reason: this.reasons.get(key) ?? 'same VM' });
    }
    return out.sort((a, b) => a.vm.localeCompare(b.vm) || a.name.localeCompare(b.name));
  }

  /**
   * Joins each group or resource name to the VM name from Hyper-V events it contains as a whole
   * word (the longest when several fit; none when two different names fit equally well).
   */
  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    this.described = null;
    const vmNames = [...this.names].filter(([, n]) => n.origin === 'vm').map(([key]) => key);
    if (vmNames.length === 0) return;
    for (const [key, name] of this.names) {
      if (name.origin === 'vm') continue;
      const root = this.find(key);
      if (vmNames.some((vm) => this.find(vm) === root)) continue;
      const upper = key.slice('name:'.length);
      let found: string[] = [];
      let longest = 0;
      for (const vm of vmNames) {
        const inner = vm.slice('name:'.length);
        if (inner.length < longest || !containsName(upper, inner)) continue;
        if (inner.length > longest) found = [];
        found.push(vm);
        longest = inner.length;
      }
      const target = found.length === 1 ? found[0]! : null;
      if (target !== null)
        this.union(
          target,
          key,
          `contains the VM name '${this.names.get(target)!.name}' known from the Hyper-V events`,
        );
    }
  }

  private find(key: string): string {
    if (!this.parent.has(key)) return key;
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

  private union(a: string, b: string, reason: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    for (const key of [a, b])
      if (key.startsWith('name:') && !this.reasons.has(key)) this.reasons.set(key, reason);
    // Keep a name root when there is one, so keys read well in debugging.
    if (ra.startsWith('name:')) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}
