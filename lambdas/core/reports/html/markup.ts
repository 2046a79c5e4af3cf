/**
 * Markup built from text that attackers choose (resource names, tags, descriptions, error messages): every
 * interpolated value is escaped unless it is markup this module built. `html` is the only way the HTML report
 * assembles elements, so an unescaped value has to be wrapped in `Markup` on purpose.
 */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an element's content or a quoted attribute value: `& < > " '` become entities. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

type Interpolated = Markup | string | number | false | null | undefined | readonly Interpolated[];

const render = (value: Interpolated): string => {
  if (value === false || value === null || value === undefined) return '';
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
};

/** A template whose values are escaped (arrays joined, `false`/`undefined` dropped, `Markup` kept as is). */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

/**
 * A link target the report may carry: an absolute http(s) URL, or nothing. `javascript:`, `data:` and relative
 * URLs are refused.
 */
export function safeHttpUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** An external link that opens apart from the report and tells the target nothing about it. */
export const externalLink = (url: string, text: string): Markup => {
  const href = safeHttpUrl(url);
  return href ? html`<a href="${href}" target="_blank" rel="noopener noreferrer">${text}</a>` : html`${text}`;
};
