import { segmentCount, shapeSms } from '../src/channels/sms-text';
import { I18nService } from '../src/common/i18n/i18n.service';
import { LANGS } from '../src/common/i18n/lang';
import { NEED_CODES } from '../src/common/needs';

// Every prompt a returnee reads must cost one SMS after shaping (service listings excepted),
// with the longest values the prompts are filled with in practice.
describe('dialog strings on SMS', () => {
  const sut = new I18nService();
  const vars = {
    max: 3,
    place: 'Bamako Commune VI',
    phone: '+223 76 12 34 56',
    needs: 'formation, commerce',
    need: 'soutien moral',
    contacts: 'Police 17, Pompiers 18, SAMU 15',
    name: 'Centre de formation professionnelle',
    code: 'K7M4P2',
  };
  const prompts = [
    'language.ask',
    'consent.ask',
    'consent.retry',
    'consent.refused',
    'needs.ask',
    'needs.askOther',
    'needs.retry',
    'needs.placeKept',
    'place.ask',
    'place.retry',
    'results.choose',
    'results.none',
    'results.retry',
    'results.noneRetry',
    'resume.retry',
    'courtesy.thanks',
    'courtesy.hello',
    'help',
    'handoff.requested',
    'handoff.notUnderstood',
    'handoff.waiting',
    'crisis.safety',
  ];

  it.each(LANGS.flatMap((lng) => prompts.map((key) => [lng, key] as const)))(
    '%s %s fits one segment',
    (lng, key) => {
      const text = sut.t(lng, `dialogs:${key}`, vars);
      expect(shapeSms(text, 1)).toHaveLength(1);
      expect(segmentCount(shapeSms(text, 1)[0])).toBe(1);
    },
  );

  it.each(LANGS)(
    '%s: composed prompts (menu, welcome back, confirmation) fit one segment',
    (lng) => {
      const t = (key: string) => sut.t(lng, `dialogs:${key}`, vars);
      const composed = [
        NEED_CODES.map((need, i) => `${i + 1} ${t(`needs.labels.${need}`)}`).join(' '),
        `${t('welcomeBack')} ${t('resume.ask')}`,
        `${t('welcomeBack')} ${t('needs.ask')}`,
        `${t('results.confirm')} ${t('results.nextNeed')}`,
        `${t('results.confirm')} ${t('results.end')}`,
        `${t('results.confirmNoPhone')} ${t('results.nextNeed')}`,
      ];
      for (const text of composed)
        expect({ text, segments: segmentCount(shapeSms(text, 1)[0]) }).toEqual({
          text,
          segments: 1,
        });
    },
  );
});
