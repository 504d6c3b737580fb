import { ActivityTypes, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { PersonState, personStateKey } from './person-state';

const turn = (channelId: string, contactId = 'c1'): TurnContext =>
  new TurnContext(new TestAdapter(), {
    type: ActivityTypes.Message,
    channelId,
    from: { id: contactId, name: '' },
    recipient: { id: 'sira', name: 'Sira' },
    conversation: {
      id: `${channelId}:${contactId}`,
      name: '',
      isGroup: false,
      conversationType: 'personal',
    },
    text: 'bonjour',
  });

describe('PersonState', () => {
  let storage: MemoryStorage;
  let sut: PersonState;

  beforeEach(() => {
    storage = new MemoryStorage();
    sut = new PersonState(storage);
  });

  it('keeps the profile per person and the flow per channel, in one document', async () => {
    const profile = sut.personProperty<{ lang?: string }>('profile');
    const flow = sut.conversationProperty<{ step: string }>('flow');
    const sms = turn('sms');
    (await profile.get(sms, {})).lang = 'bm';
    await flow.set(sms, { step: 'place' });
    await sut.saveChanges(sms);

    const whatsapp = turn('whatsapp');
    expect(await profile.get(whatsapp)).toEqual({ lang: 'bm' });
    expect(await flow.get(whatsapp)).toBeUndefined();
    expect(await flow.get(whatsapp, { step: 'start' })).toEqual({ step: 'start' });
    await sut.saveChanges(whatsapp);

    const stored = await storage.read([personStateKey('c1')]);
    expect(stored[personStateKey('c1')]).toMatchObject({
      profile: { lang: 'bm' },
      conversations: { sms: { flow: { step: 'place' } }, whatsapp: { flow: { step: 'start' } } },
    });
    expect(Object.keys((storage as unknown as { memory: object }).memory)).toEqual([
      personStateKey('c1'),
    ]);
  });

  it('carries a conversation and a profile of the former two-document layout over once', async () => {
    await storage.write({
      'sms/conversations/sms:c1': {
        flow: { step: 'consent' },
        dialogState: { dialogStack: [] },
        eTag: '*',
      },
      'users/c1': { profile: { consent: true }, eTag: '*' },
    });
    const sms = turn('sms');
    expect(await sut.conversationProperty('flow').get(sms)).toEqual({ step: 'consent' });
    expect(await sut.personProperty('profile').get(sms)).toEqual({ consent: true });
    await sut.saveChanges(sms);

    const left = await storage.read(['sms/conversations/sms:c1', 'users/c1', personStateKey('c1')]);
    expect(Object.keys(left)).toEqual([personStateKey('c1')]);
    expect(left[personStateKey('c1')]).toMatchObject({
      profile: { consent: true },
      conversations: { sms: { flow: { step: 'consent' }, dialogState: { dialogStack: [] } } },
    });
  });

  it('does not let a former document override the person document', async () => {
    await storage.write({
      [personStateKey('c1')]: {
        profile: { lang: 'en' },
        conversations: { sms: { flow: { step: 'new' } } },
      },
    });
    await storage.write({
      'sms/conversations/sms:c1': { flow: { step: 'old' } },
      'users/c1': { profile: { lang: 'fr' } },
    });
    const sms = turn('sms');
    expect(await sut.conversationProperty('flow').get(sms)).toEqual({ step: 'new' });
    expect(await sut.personProperty('profile').get(sms)).toEqual({ lang: 'en' });
  });

  it('reads once per turn and again only when forced', async () => {
    const read = jest.spyOn(storage, 'read');
    const sms = turn('sms');
    await Promise.all([
      sut.load(sms),
      sut.conversationProperty('flow').get(sms),
      sut.personProperty('profile').get(sms),
    ]);
    expect(read).toHaveBeenCalledTimes(1);
    await sut.load(sms, true);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('writes nothing for a turn that stored nothing', async () => {
    const write = jest.spyOn(storage, 'write');
    await sut.saveChanges(turn('sms'));
    expect(write).not.toHaveBeenCalled();
  });
});
