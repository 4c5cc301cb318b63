/**
 * Node identity: a cluster node is one node whatever spelling names it. `HV01`, `hv01`,
 * `HV01.contoso.local` and `HV01(1)` (a cluster log's name with its node number) are the same
 * node; its identity is `nodeKey`, and it is shown the way the cluster itself spells it.
 */

/** `HV01.contoso.local` → `HV01`; `HV01` stays. Case is kept. Pure. */
export function shortNodeName(name: string): string {
  const trimmed = name.trim();
  const dot = trimmed.indexOf('.');
  return dot > 0 ? trimmed.slice(0, dot) : trimmed;
}

/** The identity of a node name: `HV01.contoso.local`, `hv01`, `HV01(1)` → `HV01`. Pure. */
export function nodeKey(name: string): string {
  return shortNodeName(name.trim().replace(/\(\d+\)$/, '')).toUpperCase();
}

/**
 * Where a spelling of a node name comes from, most authoritative first: the cluster's own node
 * list (Get-ClusterNode, a cluster log's `Nodes` table), a cluster log's `Current node`
 * header, the `Computer` of events, a person (`--node-map`), a file or folder name.
 */
export const nodeSpellingRanks = ['node-list', 'cluster-log', 'events', 'user', 'path'] as const;
export type NodeSpellingRank = (typeof nodeSpellingRanks)[number];

/**
 * The node names of one case: every spelling learned, one shown spelling per node (the most
 * authoritative; among equals, the first learned). Names never learned are shown as their
 * key (upper-case short name), so that case variants of an unknown node still agree.
 */
export class NodeNames {
  private readonly shown = new Map<string, { name: string; rank: number }>();

  constructor(names: Iterable<{ name: string; rank: NodeSpellingRank }> = []) {
    for (const { name, rank } of names) this.learn(name, rank);
  }

  /** Learns one spelling of a node. Blank names are ignored. */
  learn(name: string, rank: NodeSpellingRank): void {
    const short = shortNodeName(name.trim().replace(/\(\d+\)$/, ''));
    if (short === '') return;
    const key = short.toUpperCase();
    const order = nodeSpellingRanks.indexOf(rank);
    const known = this.shown.get(key);
    if (known === undefined || order < known.rank)
      this.shown.set(key, { name: short, rank: order });
  }

  /** True when the node is known under any spelling. */
  has(name: string): boolean {
    return this.shown.has(nodeKey(name));
  }

  /** The spelling the case shows for this node. */
  canonical(name: string): string {
    const key = nodeKey(name);
    return this.shown.get(key)?.name ?? key;
  }

  /** Every known node, as shown, sorted. */
  list(): string[] {
    return [...this.shown.values()].map((v) => v.name).sort((a, b) => a.localeCompare(b));
  }

  /**
   * The known node a piece of a path names: the whole piece (`HV01`, `hv01.contoso.local`,
   * `HV01.zip`) or a known name standing in it between separators (`logs-HV01-2024`,
   * `HV01_System.evtx`); the longest name wins, and a piece naming two different nodes names
   * none. Null when it names no known node. Pure.
   */
  findIn(piece: string): string | null {
    const upper = piece.toUpperCase();
    let best: string | null = null;
    let ambiguous = false;
    for (const [key, { name }] of this.shown) {
      if (!containsToken(upper, key)) continue;
      if (best === null || key.length > nodeKey(best).length) {
        if (best !== null && !key.includes(nodeKey(best))) ambiguous = true;
        best = name;
      } else if (!nodeKey(best).includes(key)) ambiguous = true;
    }
    return ambiguous ? null : best;
  }
}

/** `key` stands in `text` with no letter or digit right before or after it. */
function containsToken(text: string, key: string): boolean {
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + key.length] ?? '';
    if (!/[A-Z0-9]/.test(before) && !/[A-Z0-9]/.test(after)) return true;
  }
  return false;
}
