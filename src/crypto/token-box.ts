import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Seals Slack tokens for storage with AES-256-GCM. Each sealed value names the key that sealed
 * it (a fingerprint, not the key), so old keys can keep opening old rows while every new write
 * uses the current key, and a rotation can find the rows still sealed with an old one.
 *
 * Format: `v1.<key id>.<iv>.<auth tag>.<ciphertext>`, each part base64url.
 */
export interface TokenBox {
  /** The fingerprint of the key new values are sealed with. */
  readonly currentKeyId: string;
  seal(plaintext: string): string;
  open(sealed: string): string;
  /** The fingerprint a sealed value names, without opening it. */
  keyIdOf(sealed: string): string;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const KEY_BYTES = 32;

export class TokenBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenBoxError';
  }
}

/** A short, stable name for a key that reveals nothing usable about it. */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update('tandem-token-key:').update(key).digest('base64url').slice(0, 12);
}

/** Decodes a base64 key, insisting on exactly 32 bytes; the message never contains the value. */
export function decodeKey(base64: string): Buffer {
  // 32 bytes are 43 base64 characters and one '='; Buffer.from would quietly skip anything else.
  const trimmed = base64.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed) || key.length !== KEY_BYTES) {
    throw new TokenBoxError('an encryption key must be 32 random bytes in base64 (openssl rand -base64 32)');
  }
  return key;
}

export function createTokenBox(currentKey: Buffer, oldKeys: Buffer[] = []): TokenBox {
  const keys = new Map<string, Buffer>();
  for (const key of [currentKey, ...oldKeys]) keys.set(keyFingerprint(key), key);
  const currentKeyId = keyFingerprint(currentKey);

  const parts = (sealed: string) => {
    const split = sealed.split('.');
    if (split.length !== 5 || split[0] !== VERSION) throw new TokenBoxError('not a sealed token');
    const [, keyId, iv, tag, data] = split as [string, string, string, string, string];
    return { keyId, iv, tag, data };
  };

  return {
    currentKeyId,
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv);
      // The key id is bound into the tag, so a value cannot be relabelled to another key.
      cipher.setAAD(Buffer.from(currentKeyId));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        VERSION,
        currentKeyId,
        iv.toString('base64url'),
        tag.toString('base64url'),
        data.toString('base64url'),
      ].join('.');
    },
    open(sealed) {
      const { keyId, iv, tag, data } = parts(sealed);
      const key = keys.get(keyId);
      if (!key) {
        throw new TokenBoxError(
          `sealed with key ${keyId}, which is neither TANDEM_ENCRYPTION_KEY nor one of TANDEM_ENCRYPTION_KEYS_OLD`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(keyId));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new TokenBoxError(`a token sealed with key ${keyId} failed its integrity check`);
      }
    },
    keyIdOf(sealed) {
      return parts(sealed).keyId;
    },
  };
}
