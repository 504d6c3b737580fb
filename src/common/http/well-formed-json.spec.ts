import { wellFormed, wellFormedJsonReviver } from './well-formed-json';

describe('wellFormedJsonReviver', () => {
  it('replaces lone surrogates in values and keys, keeps pairs and plain text', () => {
    const sut = JSON.parse(
      '{"email":"a\\udbfa@b.c","\\udc00k":["x\\ud83d\\ude00","\\ud811"],"n":1}',
      wellFormedJsonReviver,
    );
    expect(sut).toEqual({ email: 'a\uFFFD@b.c', '\uFFFDk': ['x😀', '\uFFFD'], n: 1 });
    expect(() => encodeURI(JSON.stringify(sut))).not.toThrow();
  });

  it('leaves well-formed text alone', () => {
    expect(wellFormed('ɛɔ 🇲🇱 é')).toBe('ɛɔ 🇲🇱 é');
  });
});
