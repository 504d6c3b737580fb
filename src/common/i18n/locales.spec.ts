import { LANGS } from './lang';
import { I18nService, loadLocaleResources } from './i18n.service';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`),
  );
}

// Every language must carry every key: a returnee must never read a key name or fall back silently.
describe('locales', () => {
  const resources = loadLocaleResources();
  const namespaces = new Set(LANGS.flatMap((lng) => Object.keys(resources[lng] ?? {})));

  it.each([...namespaces])('namespace "%s" has the same keys in fr, en and bm', (ns) => {
    const keysOf = (lng: string) => flatten((resources[lng]?.[ns] ?? {}) as Tree).sort();
    expect(keysOf('en')).toEqual(keysOf('fr'));
    expect(keysOf('bm')).toEqual(keysOf('fr'));
  });

  it('has no empty strings', () => {
    for (const lng of LANGS) {
      for (const [ns, tree] of Object.entries(resources[lng] ?? {})) {
        const empty = flatten(tree as Tree).filter((key) => {
          const value = key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], tree);
          return typeof value === 'string' && value.trim() === '';
        });
        expect({ lng, ns, empty }).toEqual({ lng, ns, empty: [] });
      }
    }
  });

  it('translates with interpolation through I18nService', () => {
    const sut = new I18nService();
    expect(sut.t('en', 'common:errors.generic')).not.toBe('errors.generic');
    expect(sut.has('bm', 'common:errors.generic')).toBe(true);
  });
});
