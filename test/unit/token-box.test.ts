import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenBox, decodeKey, keyFingerprint, TokenBoxError } from '../../src/crypto/token-box.js';

const TOKEN = 'xoxb-1111-2222-SECRETsecretSECRET';
const key = () => randomBytes(32);

describe('token box (AES-256-GCM)', () => {
  it('opens what it sealed, and never shows the token in the sealed form', () => {
    const box = createTokenBox(key());
    const sealed = box.seal(TOKEN);
    expect(sealed).not.toContain(TOKEN);
    expect(sealed).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(sealed.startsWith(`v1.${box.currentKeyId}.`)).toBe(true);
    expect(box.open(sealed)).toBe(TOKEN);
  });

  it('seals the same token differently each time (a fresh IV)', () => {
    const box = createTokenBox(key());
    expect(box.seal(TOKEN)).not.toBe(box.seal(TOKEN));
  });

  it('opens values sealed with an old key, and seals new ones with the current key', () => {
    const oldKey = key();
    const before = createTokenBox(oldKey).seal(TOKEN);
    const rotated = createTokenBox(key(), [oldKey]);
    expect(rotated.keyIdOf(before)).toBe(keyFingerprint(oldKey));
    expect(rotated.open(before)).toBe(TOKEN);
    const after = rotated.seal(TOKEN);
    expect(rotated.keyIdOf(after)).toBe(rotated.currentKeyId);
    expect(rotated.currentKeyId).not.toBe(keyFingerprint(oldKey));
  });

  it('refuses a value sealed with a key it no longer has, naming the key id only', () => {
    const sealed = createTokenBox(key()).seal(TOKEN);
    const other = createTokenBox(key());
    expect(() => other.open(sealed)).toThrow(TokenBoxError);
    expect(() => other.open(sealed)).toThrow(
      /neither TANDEM_ENCRYPTION_KEY nor one of TANDEM_ENCRYPTION_KEYS_OLD/,
    );
  });

  it('detects a tampered ciphertext or a relabelled key id', () => {
    const a = key();
    const b = key();
    const box = createTokenBox(a, [b]);
    const sealed = box.seal(TOKEN);
    const parts = sealed.split('.');
    const data = Buffer.from(parts[4] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    const tampered = [...parts.slice(0, 4), data.toString('base64url')].join('.');
    expect(() => box.open(tampered)).toThrow(/integrity check/);
    const relabelled = [parts[0], keyFingerprint(b), ...parts.slice(2)].join('.');
    expect(() => box.open(relabelled)).toThrow(/integrity check/);
    expect(() => box.open('xoxb-plain')).toThrow(/not a sealed token/);
  });

  it('never puts the token in an error message', () => {
    const box = createTokenBox(key());
    const sealed = box.seal(TOKEN);
    try {
      createTokenBox(key()).open(sealed);
    } catch (error) {
      expect(String(error)).not.toContain(TOKEN);
    }
  });

  it('accepts exactly 32 bytes of base64', () => {
    const k = randomBytes(32).toString('base64');
    expect(decodeKey(k).length).toBe(32);
    expect(() => decodeKey(randomBytes(31).toString('base64'))).toThrow(/openssl rand -base64 32/);
    expect(() => decodeKey(randomBytes(33).toString('base64'))).toThrow(TokenBoxError);
  });
});
