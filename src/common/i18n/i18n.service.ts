import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import i18next, { i18n, Resource } from 'i18next';
import { DEFAULT_LANG, Lang, LANGS } from './lang';

// locales/ sits at the project root in source and is copied to dist/locales by the build.
export const LOCALES_DIR = resolve(__dirname, '../../../locales');

export function loadLocaleResources(dir = LOCALES_DIR): Resource {
  const resources: Resource = {};
  for (const lng of LANGS) {
    const folder = join(dir, lng);
    resources[lng] = {};
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      resources[lng][basename(file, '.json')] = JSON.parse(
        readFileSync(join(folder, file), 'utf8'),
      );
    }
  }
  return resources;
}

@Injectable()
export class I18nService {
  private readonly i18n: i18n;

  constructor() {
    const resources = loadLocaleResources();
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources,
      lng: DEFAULT_LANG,
      fallbackLng: DEFAULT_LANG,
      ns: Object.keys(resources[DEFAULT_LANG] ?? {}),
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }

  // key is "namespace:path.to.key", e.g. "channels:stop.confirm".
  t(lng: Lang, key: string, vars?: Record<string, unknown>): string {
    return this.i18n.t(key, { lng, ...vars }) as string;
  }

  has(lng: Lang, key: string): boolean {
    return this.i18n.exists(key, { lng, fallbackLng: false });
  }
}
