import { toE164 } from './phone';

describe('toE164', () => {
  it.each([
    ['whatsapp:+22376123456', '+22376123456'],
    ['+223 76 12 34 56', '+22376123456'],
    ['76 12 34 56', '+22376123456'],
    ['0022376123456', '+22376123456'],
    ['+33612345678', '+33612345678'],
  ])('normalises %s', (raw, e164) => {
    expect(toE164(raw)).toBe(e164);
  });

  it('rejects what is not a phone number', () => {
    expect(toE164('hello')).toBeNull();
    expect(toE164('12')).toBeNull();
  });
});
