import { createTranslator, type Translator } from '../i18n/translator.js';
import type { ClusterPresence } from '../store/cluster-presence.js';

/** Providers named in the note before the rest are counted. */
const providersNamed = 5;

/**
 * The one-line note for inputs that do not look like cluster nodes (no cluster or Hyper-V
 * events, no cluster log, no cluster configuration), naming the providers found instead, with
 * their event counts; null when something comes from a cluster node. Pure.
 */
export function notClusterNote(
  presence: ClusterPresence,
  tr: Translator = createTranslator('en'),
): string | null {
  if (presence.found) return null;
  const named = presence.providers
    .slice(0, providersNamed)
    .map((p) => `${p.provider} (${p.events})`);
  const rest = presence.providers.length - named.length;
  if (rest > 0) named.push(tr.t('term.notCluster.more', { count: rest }));
  const found = named.length > 0 ? named.join(', ') : tr.t('term.notCluster.nothing');
  return tr.t('term.notCluster', { found });
}
