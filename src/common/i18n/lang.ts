export const LANGS = ['fr', 'en', 'bm'] as const;

export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = 'fr';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
