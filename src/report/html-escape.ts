/** Longest log-derived value written into the page (the rest is cut with an ellipsis). */
export const maxHtmlValueLength = 2000;

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Any value made safe as HTML text or as a quoted attribute value: control characters (other
 * than tab and line feed), lone surrogates and U+2028/9 become U+FFFD, markup characters
 * become entities, and very long values are cut. Pure.
 */
export function escapeHtml(value: string | number | null, maxLength = maxHtmlValueLength): string {
  if (value === null) return '';
  let text = String(value);
  if (text.length > maxLength) text = `${text.slice(0, maxLength - 1)}…`;
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters from logs must not reach the page
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/[&<>"'`]/g, (c) => entities[c]!)
  );
}

/** A token safe as a class name or id fragment: letters, digits and dashes only. Pure. */
export function cssToken(value: string): string {
  return value.replace(/[^A-Za-z0-9-]/g, '-');
}
