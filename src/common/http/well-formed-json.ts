// JSON allows "\ud800" escapes, which make strings no UTF-8 can hold: validator's isEmail (encodeURI)
// throws on them and a login turned into a 500. Every string of a JSON body is made well formed
// (lone surrogates → U+FFFD) before validation sees it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

// body-parser's json `reviver`: applied to every value; keys are rebuilt by the parent object.
export function wellFormedJsonReviver(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.some(([k]) => wellFormed(k) !== k))
      return Object.fromEntries(entries.map(([k, v]) => [wellFormed(k), v]));
  }
  return value;
}
