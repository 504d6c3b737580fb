import { Types } from 'mongoose';
import { ContactsService } from '../../src/contacts/contacts.service';
import { ContactsException } from '../../src/contacts/contacts.exception';
import { createTestApp, TestApp } from '../harness/app';
import { inboundParams, MESSAGES_WEBHOOK, postTwilio, withTestBot } from '../harness/twilio';
import { collection, RecordingBot } from './helpers';

describe('contacts', () => {
  let t: TestApp;
  let sut: ContactsService;
  const bot = new RecordingBot();

  beforeAll(async () => {
    t = await createTestApp({}, undefined, withTestBot(bot));
    sut = t.app.get(ContactsService);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('makes one contact of concurrent first messages from one number on both channels', async () => {
    const writes = [
      '+22376000601',
      'whatsapp:+22376000601',
      '76 00 06 01',
      '0022376000601',
    ].flatMap((raw) => [
      sut.upsertByPhone(raw, raw.startsWith('whatsapp:') ? 'whatsapp' : 'sms'),
      sut.upsertByPhone(raw, 'whatsapp'),
    ]);
    const contacts = await Promise.all(writes);
    expect(new Set(contacts.map((c) => c.id)).size).toBe(1);
    const stored = await collection(t, 'contacts')
      .find({ phoneHash: { $exists: true } })
      .toArray();
    const mine = stored.filter((c) => c._id.toString() === contacts[0].id);
    expect(mine).toHaveLength(1);
    expect(mine[0].channels.map((c: { type: string }) => c.type).sort()).toEqual([
      'sms',
      'whatsapp',
    ]);
    expect(await sut.getPhone(contacts[0].id)).toBe('+22376000601');
  });

  it('refuses what is not a phone number', async () => {
    await expect(sut.upsertByPhone('hello', 'sms')).rejects.toBeInstanceOf(ContactsException);
  });

  it('gives the bot the language once it is known, and the last inbound time per channel', async () => {
    await postTwilio(t, MESSAGES_WEBHOOK, inboundParams({ from: '+22376000602', body: 'i ni ce' }));
    const contact = (await sut.findByPhone('+22376000602'))!;
    expect(await sut.lastInboundAt(contact.id, 'sms')).toBeInstanceOf(Date);
    expect(await sut.lastInboundAt(contact.id, 'whatsapp')).toBeNull();
    await sut.setLanguage(contact.id, 'bm');
    const params = inboundParams({ from: '+22376000602', body: 'i ni ce' });
    await postTwilio(t, MESSAGES_WEBHOOK, params);
    expect(bot.activities.find((a) => a.id === params.MessageSid)!.locale).toBe('bm');
  });

  it('records an inbound message in the contact and tells when the person wrote before', async () => {
    const first = new Date(Date.now() - 5000);
    const created = await sut.recordInbound('+22376000604', 'sms', first);
    expect(created.previousInboundAt).toBeNull();
    expect(created.contact.lastInboundAt).toEqual(first);
    const second = new Date();
    const again = await sut.recordInbound('+22376000604', 'sms', second);
    expect(again.contact.id).toBe(created.contact.id);
    expect(again.previousInboundAt).toEqual(first);
    expect(again.contact).toMatchObject({
      lastInboundAt: second,
      channels: [{ type: 'sms', lastInboundAt: second }],
    });
    expect(await sut.findById(created.contact.id)).toEqual(again.contact);
    // A new channel of a known person: when they wrote before is not known from this write.
    const whatsapp = await sut.recordInbound('whatsapp:+22376000604', 'whatsapp', new Date());
    expect(whatsapp.previousInboundAt).toBeUndefined();
    expect(whatsapp.contact.channels.map((c) => c.type)).toEqual(['sms', 'whatsapp']);
  });

  it('answers for the person of an inbound turn without reading them again, until it changes them', async () => {
    const { contact } = await sut.recordInbound('+22376000603', 'sms', new Date());
    const stored = collection(t, 'contacts');
    await sut.duringTurnOf(contact, async () => {
      await stored.updateOne({ _id: new Types.ObjectId(contact.id) }, { $set: { language: 'en' } });
      expect(await sut.findById(contact.id)).toBe(contact);
      expect(await sut.optOut(contact.id, 'sms', new Date())).toBe(true);
      expect(await sut.findById(contact.id)).toMatchObject({ optedOut: true, language: 'en' });
    });
    expect(await sut.findById(contact.id)).toMatchObject({ optedOut: true, language: 'en' });
  });
});
