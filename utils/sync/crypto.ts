/**
 * The pairing code and end-to-end encryption, on WebCrypto only (no hand-made
 * cryptography): the code carries a vault id and a 128-bit random secret; HKDF-SHA-256
 * turns the secret into a non-extractable AES-256-GCM key; every update is
 * sealed with a fresh 96-bit random IV and the vault id as additional data, so
 * the relay stores and forwards ciphertext it can neither read nor alter
 * undetected, and a blob from one vault is refused in another.
 *
 * Code format: `IB1-` then Crockford base32 of vault id (10 bytes) ‖ secret
 * (16 bytes) ‖ the first 2 bytes of SHA-256 over both (catches typos), in
 * groups of five. Crockford's alphabet has no I, L, O or U; when reading,
 * O counts as 0 and I/L as 1, case and separators are ignored.
 */
import { InternalError } from '../core/internal-error';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const VAULT_ID_BYTES = 10;
const SECRET_BYTES = 16;
const CHECK_BYTES = 2;
const PREFIX = 'IB1';
const FORMAT = 1;
const IV_BYTES = 12;

export interface VaultKeys {
  vaultId: string;
  secret: string;
}

/** Why a typed pairing code was refused (the settings page says it in words: utils/sync/pairing-messages.ts). */
export type PairingProblem = 'bad-character' | 'too-short' | 'prefix' | 'wrong-length' | 'typo';

/** A pairing code the user typed is not valid. Pure module: no i18n here (end-to-end tests import it in Node). */
export class PairingCodeError extends Error {
  override name = 'PairingCodeError';
  constructor(
    readonly problem: PairingProblem,
    /** The character that is not part of a code ('bad-character'). */
    readonly character = '',
  ) {
    super(problem);
  }
}

/** What a pairing code starts with. */
export const PAIRING_PREFIX = `${PREFIX}-`;

export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

export function fromBase32(text: string, byteLength: number): Uint8Array {
  const out = new Uint8Array(byteLength);
  let buffer = 0;
  let bits = 0;
  let i = 0;
  for (const ch of text.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1')) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) throw new PairingCodeError('bad-character', ch);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      if (i < byteLength) out[i] = (buffer >>> (bits - 8)) & 255;
      i++;
      bits -= 8;
      buffer &= (1 << bits) - 1;
    }
  }
  if (i < byteLength) throw new PairingCodeError('too-short');
  return out;
}

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A new vault: a random id (public: the relay sees it) and a random secret (never leaves the user's devices). */
export function newVault(): VaultKeys {
  return { vaultId: toBase32(random(VAULT_ID_BYTES)).toLowerCase(), secret: toBase32(random(SECRET_BYTES)) };
}

async function check(body: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', body as BufferSource)).slice(0, CHECK_BYTES);
}

export async function encodePairingCode(keys: VaultKeys): Promise<string> {
  const body = new Uint8Array(VAULT_ID_BYTES + SECRET_BYTES);
  body.set(fromBase32(keys.vaultId, VAULT_ID_BYTES), 0);
  body.set(fromBase32(keys.secret, SECRET_BYTES), VAULT_ID_BYTES);
  const full = new Uint8Array(body.length + CHECK_BYTES);
  full.set(body, 0);
  full.set(await check(body), body.length);
  const groups = toBase32(full).match(/.{1,5}/g) ?? [];
  return [PREFIX, ...groups].join('-');
}

/** Read a pairing code as typed, pasted or scanned. Throws PairingCodeError with a message for the user. */
export async function parsePairingCode(text: string): Promise<VaultKeys> {
  const compact = text.trim().toUpperCase().replace(/[\s-]/g, '');
  if (!compact.startsWith(PREFIX)) throw new PairingCodeError('prefix');
  const chars = compact.slice(PREFIX.length);
  const length = VAULT_ID_BYTES + SECRET_BYTES + CHECK_BYTES;
  if (chars.length !== Math.ceil((length * 8) / 5)) throw new PairingCodeError('wrong-length');
  const full = fromBase32(chars, length);
  const body = full.slice(0, VAULT_ID_BYTES + SECRET_BYTES);
  const expected = await check(body);
  if (expected.some((b, i) => b !== full[body.length + i])) throw new PairingCodeError('typo');
  return { vaultId: toBase32(body.slice(0, VAULT_ID_BYTES)).toLowerCase(), secret: toBase32(body.slice(VAULT_ID_BYTES)) };
}

/** The vault's AES-GCM key, derived from the secret with HKDF (the vault id is the salt). Not extractable. */
export async function deriveVaultKey(keys: VaultKeys): Promise<CryptoKey> {
  const ikm = await crypto.subtle.importKey('raw', fromBase32(keys.secret, SECRET_BYTES) as BufferSource, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: fromBase32(keys.vaultId, VAULT_ID_BYTES) as BufferSource, info: utf8('introbook-sync v1 update key') as BufferSource },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const aad = (vaultId: string) => utf8(`introbook-sync v1 ${vaultId}`) as BufferSource;

/** Encrypt one update: [format byte][12-byte IV][AES-GCM ciphertext and tag]. */
export async function seal(key: CryptoKey, vaultId: string, plaintext: Uint8Array): Promise<Uint8Array> {
  const iv = random(IV_BYTES);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: aad(vaultId) }, key, plaintext as BufferSource));
  const out = new Uint8Array(1 + IV_BYTES + ciphertext.length);
  out[0] = FORMAT;
  out.set(iv, 1);
  out.set(ciphertext, 1 + IV_BYTES);
  return out;
}

/** Decrypt one sealed update. Rejects a blob sealed with another key, for another vault, or altered on the way. */
export async function open(key: CryptoKey, vaultId: string, sealed: Uint8Array): Promise<Uint8Array> {
  if (sealed.length < 1 + IV_BYTES + 16 || sealed[0] !== FORMAT) throw new InternalError('Not a sealed Introbook update.');
  const iv = sealed.slice(1, 1 + IV_BYTES);
  const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: aad(vaultId) }, key, sealed.slice(1 + IV_BYTES) as BufferSource);
  return new Uint8Array(plaintext);
}
