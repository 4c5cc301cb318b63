/** Value clean-up shared by the configuration readers. All functions are pure. */

const guidPattern =
  /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** Trimmed text, or null when empty. */
export function textValue(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const value = raw.trim();
  return value.length === 0 ? null : value;
}

/** `{7E31A928-…}` → `7e31a928-…`; text that is not a GUID is returned trimmed. */
export function guidValue(raw: string | undefined): string | null {
  const value = textValue(raw);
  if (value === null) return null;
  const m = guidPattern.exec(value);
  return m !== null ? (m[1] ?? value).toLowerCase() : value;
}

/** Leading integer of `1000`, `3 (0x3)`, `0x3e8`; null when there is none. */
export function integerValue(raw: string | undefined): number | null {
  const value = textValue(raw);
  if (value === null) return null;
  const hex = /^0x([0-9a-f]+)$/i.exec(value);
  if (hex !== null) return parseInt(hex[1] ?? '', 16);
  const m = /^-?\d+/.exec(value);
  if (m === null) return null;
  const n = Number(m[0]);
  return Number.isSafeInteger(n) ? n : null;
}

/** An integer only when the whole value is one (`2`, not `8674967e-…`); null otherwise. */
export function wholeNumberValue(raw: string | undefined): number | null {
  const value = textValue(raw);
  return value !== null && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** `True`/`False`, `1`/`0`, `Yes`/`No` → 1/0; null otherwise. */
export function booleanValue(raw: string | undefined): number | null {
  const value = textValue(raw)?.toLowerCase();
  if (value === undefined) return null;
  if (value === 'true' || value === 'yes' || value === '1' || value === '1 (0x1)') return 1;
  if (value === 'false' || value === 'no' || value === '0' || value === '0 (0x0)') return 0;
  return null;
}

/** `{a, b}` → `a, b`; `{}` → null; a value without braces is kept. */
export function listValue(raw: string | undefined): string | null {
  const value = textValue(raw);
  if (value === null) return null;
  const inner = value.startsWith('{') && value.endsWith('}') ? value.slice(1, -1).trim() : value;
  return inner.length === 0 ? null : inner;
}

/** A `;`-separated list of network ids (MigrationNetworkOrder) → normalised GUIDs joined by `;`. */
export function guidListValue(raw: string | undefined): string | null {
  const value = textValue(raw);
  if (value === null) return null;
  return value
    .split(/[;,]/)
    .map((part) => guidValue(part))
    .filter((part): part is string => part !== null)
    .join(';');
}

const networkRoles: Record<string, string> = {
  '0': 'None',
  '1': 'Cluster',
  '2': 'Client',
  '3': 'ClusterAndClient',
};

/** Cluster network role number (CLUSTER_NETWORK_ROLE) → the name PowerShell prints. */
export function networkRoleValue(raw: string | undefined): string | null {
  const value = textValue(raw);
  if (value === null) return null;
  const number = integerValue(value);
  return number !== null ? (networkRoles[String(number)] ?? value) : value;
}

const architectures: Record<string, string> = {
  '0': 'x86',
  '1': 'MIPS',
  '2': 'Alpha',
  '3': 'PowerPC',
  '5': 'ARM',
  '6': 'ia64',
  '9': 'x64',
  '12': 'ARM64',
};

/** Win32_Processor `Architecture` number → name; a name is kept. */
export function architectureValue(raw: string | undefined): string | null {
  const value = textValue(raw);
  if (value === null) return null;
  return /^\d+$/.test(value) ? (architectures[value] ?? value) : value;
}
