import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { FieldCipher, FieldCipherError } from './field-cipher';

describe('FieldCipher', () => {
  const config = (key: string) =>
    AppConfig.load({ DATA_DIR: mkdtempSync(join(tmpdir(), 'sira-cipher-')), ENCRYPTION_KEY: key });
  const k1 = `k1:${'1'.repeat(64)}`;
  const k2 = `k2:${'2'.repeat(64)}`;

  it('round-trips text and never stores it in clear', () => {
    const sut = new FieldCipher(config(k1));
    const sealed = sut.encrypt('+22376123456');
    expect(sealed).not.toContain('76123456');
    expect(sut.keyIdOf(sealed)).toBe('k1');
    expect(sut.decrypt(sealed)).toBe('+22376123456');
  });

  it('uses a fresh IV each time', () => {
    const sut = new FieldCipher(config(k1));
    expect(sut.encrypt('same')).not.toBe(sut.encrypt('same'));
  });

  it('reads values sealed with an older key after rotation', () => {
    const sealed = new FieldCipher(config(k1)).encrypt('bonjour');
    const sut = new FieldCipher(config(`${k2},${k1}`));
    expect(sut.decrypt(sealed)).toBe('bonjour');
    expect(sut.keyIdOf(sut.encrypt('x'))).toBe('k2');
  });

  it('rejects tampered values', () => {
    const sut = new FieldCipher(config(k1));
    const sealed = sut.encrypt('secret');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => sut.decrypt(tampered)).toThrow();
    expect(() => sut.decrypt('plain text')).toThrow(FieldCipherError);
  });

  it('gives a stable blind index that differs per value', () => {
    const sut = new FieldCipher(config(k1));
    expect(sut.blindIndex('+22376123456')).toBe(sut.blindIndex('+22376123456'));
    expect(sut.blindIndex('+22376123456')).not.toBe(sut.blindIndex('+22376123457'));
  });
});
