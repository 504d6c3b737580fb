import { I18nService } from '../common/i18n/i18n.service';
import { AppConfig } from '../config/app-config';
import { ContactsService } from '../contacts/contacts.service';
import { DirectoryService } from '../directory/directory.service';
import { GeographyService } from '../geography/geography.service';
import { HandoffService } from '../handoff/handoff.service';
import { ReferralsService } from '../referrals/referrals.service';
import { Analysis, UnderstandingService } from '../understanding/understanding.service';
import { NestDialogPorts } from './nest-dialog-ports';

describe('NestDialogPorts.analyze', () => {
  const understanding = new UnderstandingService();
  let calls: string[];
  let sut: NestDialogPorts;

  beforeEach(() => {
    calls = [];
    const counting = {
      analyze: (text: string): Analysis => {
        calls.push(text);
        return understanding.analyze(text);
      },
    } as UnderstandingService;
    sut = new NestDialogPorts(
      counting,
      {} as GeographyService,
      {} as DirectoryService,
      {} as ReferralsService,
      {} as HandoffService,
      {} as ContactsService,
      {} as I18nService,
      { emergencyContacts: '' } as AppConfig,
    );
  });

  it('analyzes a message once however often a turn asks, with the same answer', () => {
    const first = sut.analyze("j'ai besoin d'un logement à Kayes");
    const second = sut.analyze("j'ai besoin d'un logement à Kayes");
    expect(second).toEqual(first);
    expect(first.needs).toContain('shelter');
    expect(first.place?.name).toBe('Kayes');
    expect(calls).toHaveLength(1);
  });

  it('hands out copies: a caller changing its answer does not change the next one', () => {
    const first = sut.analyze('je veux un travail');
    first.needs.push('health');
    first.place = { name: 'Gao', region: 'Gao' };
    expect(sut.analyze('je veux un travail').needs).not.toContain('health');
    expect(sut.analyze('je veux un travail').place).toBeNull();
  });

  it('answers each message for itself and keeps only the recent ones', () => {
    for (let i = 0; i < 100; i++) sut.analyze(`message ${i}`);
    sut.analyze('message 0');
    sut.analyze('message 99');
    expect(calls.filter((t) => t === 'message 0')).toHaveLength(2);
    expect(calls.filter((t) => t === 'message 99')).toHaveLength(1);
  });
});
