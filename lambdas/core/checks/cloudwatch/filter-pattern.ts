/**
 * CloudWatch Logs filter patterns for JSON log events (`{ $.eventName = CreateTrail || … }`), parsed and
 * evaluated against sample events, so that a metric filter is judged by what it matches rather than by how
 * it is written: quoting, spacing, parentheses and the order of terms do not matter.
 *
 * Supported: `&&`, `||` (`&&` binds tighter) and parentheses; selectors `$.a.b`, `$.a[0]`; operators `=`,
 * `!=` with quoted or bare values, `*` wildcards and `%regex%` values; `<`, `<=`, `>`, `>=` on numbers;
 * `IS NULL`, `NOT EXISTS`, `IS TRUE`, `IS FALSE`. Anything else (space-delimited or plain-text patterns)
 * does not parse, and so matches nothing here.
 */

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type LogEvent = { readonly [key: string]: JsonValue };

type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';
type Keyword = 'IS NULL' | 'NOT EXISTS' | 'IS TRUE' | 'IS FALSE';

export type FilterExpression =
  | { kind: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | { kind: 'compare'; path: readonly (string | number)[]; operator: Comparison; value: string }
  | { kind: 'test'; path: readonly (string | number)[]; keyword: Keyword };

class PatternSyntaxError extends Error {}

class Parser {
  private position = 0;

  constructor(private readonly text: string) {}

  parse(): FilterExpression {
    const expression = this.or();
    this.skipSpace();
    if (this.position !== this.text.length) this.fail('unexpected text');
    return expression;
  }

  private or(): FilterExpression {
    let left = this.and();
    while (this.take('||')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  private and(): FilterExpression {
    let left = this.primary();
    while (this.take('&&')) left = { kind: 'and', left, right: this.primary() };
    return left;
  }

  private primary(): FilterExpression {
    if (this.take('(')) {
      const inner = this.or();
      if (!this.take(')')) this.fail('missing )');
      return inner;
    }
    return this.term();
  }

  private term(): FilterExpression {
    this.skipSpace();
    const selector = /^\$((?:\.[A-Za-z0-9_@-]+|\[\d+\])+)/.exec(this.rest());
    if (!selector?.[1]) this.fail('expected a $. selector');
    this.position += selector[0].length;
    const path = [...selector[1].matchAll(/\.([A-Za-z0-9_@-]+)|\[(\d+)\]/g)].map((m) =>
      m[1] !== undefined ? m[1] : Number(m[2]),
    );
    this.skipSpace();
    const keyword = /^(IS\s+NULL|NOT\s+EXISTS|IS\s+TRUE|IS\s+FALSE)\b/i.exec(this.rest());
    if (keyword?.[1]) {
      this.position += keyword[0].length;
      return { kind: 'test', path, keyword: keyword[1].toUpperCase().replace(/\s+/, ' ') as Keyword };
    }
    const operator = /^(!=|<=|>=|=|<|>)/.exec(this.rest());
    if (!operator?.[1]) this.fail('expected an operator');
    this.position += operator[0].length;
    return { kind: 'compare', path, operator: operator[1] as Comparison, value: this.value() };
  }

  /** A quoted string, or bare text up to the next `)`, `&&` or `||` (bare values may contain spaces). */
  private value(): string {
    this.skipSpace();
    if (this.text[this.position] === '"') {
      let value = '';
      for (let i = this.position + 1; i < this.text.length; i++) {
        const c = this.text[i];
        if (c === '\\' && i + 1 < this.text.length) {
          value += this.text[++i];
        } else if (c === '"') {
          this.position = i + 1;
          return value;
        } else {
          value += c;
        }
      }
      this.fail('unterminated string');
    }
    const end = /\)|&&|\|\|/.exec(this.rest());
    const raw = end ? this.rest().slice(0, end.index) : this.rest();
    this.position += raw.length;
    const value = raw.trim();
    if (value === '') this.fail('missing value');
    return value;
  }

  private rest(): string {
    return this.text.slice(this.position);
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.position] ?? '')) this.position++;
  }

  private take(token: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(token, this.position)) return false;
    this.position += token.length;
    return true;
  }

  private fail(reason: string): never {
    throw new PatternSyntaxError(`${reason} at character ${this.position}`);
  }
}

/** Parses a JSON filter pattern (`{ … }`); undefined when it is not one or does not parse. */
export function parseFilterPattern(pattern: string): FilterExpression | undefined {
  const trimmed = pattern.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
  try {
    return new Parser(trimmed.slice(1, -1)).parse();
  } catch (error) {
    if (error instanceof PatternSyntaxError) return undefined;
    throw error;
  }
}

function valueAt(event: LogEvent, path: readonly (string | number)[]): JsonValue | undefined {
  let current: JsonValue | undefined = event;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current)
      ? typeof step === 'number'
        ? (current as readonly JsonValue[])[step]
        : undefined
      : (current as { readonly [key: string]: JsonValue })[String(step)];
  }
  return current;
}

const escapeRegExp = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** `=` semantics: `%regex%`, `*` wildcards anywhere, or exact text (numbers compare by value). */
function equals(actual: JsonValue | undefined, expected: string): boolean {
  if (actual === undefined || (actual !== null && typeof actual === 'object')) return false;
  const text = String(actual);
  const regex = /^%(.*)%$/.exec(expected);
  if (regex?.[1] !== undefined) return new RegExp(regex[1]).test(text);
  if (typeof actual === 'number' && expected.trim() !== '' && !Number.isNaN(Number(expected))) {
    return actual === Number(expected);
  }
  if (expected.includes('*')) {
    return new RegExp(`^${expected.split('*').map(escapeRegExp).join('.*')}$`, 's').test(text);
  }
  return text === expected;
}

function compareNumbers(actual: JsonValue | undefined, operator: '<' | '<=' | '>' | '>=', expected: string): boolean {
  const limit = Number(expected);
  if (typeof actual !== 'number' || Number.isNaN(limit)) return false;
  switch (operator) {
    case '<':
      return actual < limit;
    case '<=':
      return actual <= limit;
    case '>':
      return actual > limit;
    case '>=':
      return actual >= limit;
  }
}

/** Whether the filter expression matches a JSON log event. */
export function matchesEvent(expression: FilterExpression, event: LogEvent): boolean {
  switch (expression.kind) {
    case 'and':
      return matchesEvent(expression.left, event) && matchesEvent(expression.right, event);
    case 'or':
      return matchesEvent(expression.left, event) || matchesEvent(expression.right, event);
    case 'test': {
      const actual = valueAt(event, expression.path);
      switch (expression.keyword) {
        case 'IS NULL':
          return actual === null;
        case 'NOT EXISTS':
          return actual === undefined;
        case 'IS TRUE':
          return actual === true;
        case 'IS FALSE':
          return actual === false;
      }
      return false;
    }
    case 'compare': {
      const actual = valueAt(event, expression.path);
      switch (expression.operator) {
        case '=':
          return equals(actual, expression.value);
        case '!=':
          return !equals(actual, expression.value);
        default:
          return compareNumbers(actual, expression.operator, expression.value);
      }
    }
  }
}
