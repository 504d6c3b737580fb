import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

const VERSION = 'v1';

export class FieldCipherError extends Error {}

// AES-256-GCM for personal data at rest; each value carries the id of the key that sealed it.
@Injectable()
export class FieldCipher {
  constructor(private readonly config: AppConfig) {}

  encrypt(plain: string): string {
    const keyId = this.config.encryptionKeyId;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(keyId), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      VERSION,
      keyId,
      iv.toString('base64url'),
      tag.toString('base64url'),
      body.toString('base64url'),
    ].join(':');
  }

  decrypt(stored: string): string {
    const [version, keyId, iv, tag, body] = stored.split(':');
    if (version !== VERSION || body === undefined)
      throw new FieldCipherError('not an encrypted value');
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  keyIdOf(stored: string): string | null {
    const [version, keyId] = stored.split(':');
    return version === VERSION && keyId ? keyId : null;
  }

  // Deterministic keyed hash: lets us find a contact by phone without storing the phone in clear.
  blindIndex(value: string): string {
    return createHmac('sha256', this.config.blindIndexKey).update(value).digest('hex');
  }

  private key(keyId: string): Buffer {
    const key = this.config.encryptionKeys.get(keyId);
    if (!key) throw new FieldCipherError(`unknown encryption key id "${keyId}"`);
    return key;
  }
}
