import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { deriveVaultKey, encodePairingCode, fromBase32, newVault, open, PairingCodeError, parsePairingCode, seal, toBase32 } from './crypto';
import { qrMatrix } from './qr';

describe('pairing code', () => {
  it('carries the vault id and the secret, and reads back however it is typed', async () => {
    const keys = newVault();
    expect(keys.vaultId).toMatch(/^[0-9a-z]{16}$/);
    expect(keys.secret).toMatch(/^[0-9A-Z]{26}$/);
    const code = await encodePairingCode(keys);
    expect(code).toMatch(/^IB1(-[0-9A-Z]{1,5}){9}$/);
    expect(await parsePairingCode(code)).toStrictEqual(keys);
    expect(await parsePairingCode(`  ${code.toLowerCase().replaceAll('-', ' ')}\n`)).toStrictEqual(keys);
    // Crockford: O is read as 0, I and L as 1.
    const lookalikes = 'IB1' + code.slice(3).replace(/0/g, 'O').replace(/1/g, 'l');
    expect(await parsePairingCode(lookalikes)).toStrictEqual(keys);
  });

  it('refuses a typo, a short code and a foreign string with a message', async () => {
    const code = await encodePairingCode(newVault());
    // A typo in a character whose bits are all data (the last one's low bits are padding: changing only
    // those decodes to the same code, which is no typo at all).
    const at = 'IB1-'.length;
    const typo = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
    await expect(parsePairingCode(typo)).rejects.toThrow(PairingCodeError);
    await expect(parsePairingCode(code.slice(0, -6))).rejects.toMatchObject({ problem: 'wrong-length' });
    await expect(parsePairingCode('https://example.org')).rejects.toMatchObject({ problem: 'prefix' });
  });

  it('base32 round-trips any bytes', () => {
    for (let n = 1; n < 40; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      expect(fromBase32(toBase32(bytes), n)).toStrictEqual(bytes);
    }
  });

  it('the QR code decodes to the pairing code', async () => {
    const code = await encodePairingCode(newVault());
    const m = qrMatrix(code);
    const scale = 4;
    const pad = 4;
    const side = (m.size + pad * 2) * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    for (let y = 0; y < m.size; y++)
      for (let x = 0; x < m.size; x++) {
        if (!m.dark(x, y)) continue;
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++) {
            const i = (((y + pad) * scale + dy) * side + (x + pad) * scale + dx) * 4;
            pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
          }
      }
    expect(jsQR(pixels, side, side)?.data).toBe(code);
  });
});

describe('sealed updates', () => {
  const plaintext = new TextEncoder().encode('Ada Lovelace, Analytical Engines');

  it('round-trips, and the ciphertext does not contain the plaintext', async () => {
    const keys = newVault();
    const key = await deriveVaultKey(keys);
    const sealed = await seal(key, keys.vaultId, plaintext);
    expect(new TextDecoder('latin1').decode(sealed)).not.toContain('Ada');
    expect(await open(key, keys.vaultId, sealed)).toStrictEqual(plaintext);
    // A fresh IV each time: the same update never looks the same twice.
    expect(await seal(key, keys.vaultId, plaintext)).not.toStrictEqual(sealed);
  });

  it('the same code on two devices derives the same key', async () => {
    const keys = newVault();
    const other = await parsePairingCode(await encodePairingCode(keys));
    const sealed = await seal(await deriveVaultKey(keys), keys.vaultId, plaintext);
    expect(await open(await deriveVaultKey(other), other.vaultId, sealed)).toStrictEqual(plaintext);
  });

  it('refuses another vault\'s key, another vault id and a flipped bit', async () => {
    const keys = newVault();
    const key = await deriveVaultKey(keys);
    const sealed = await seal(key, keys.vaultId, plaintext);
    await expect(open(await deriveVaultKey(newVault()), keys.vaultId, sealed)).rejects.toThrow();
    await expect(open(key, newVault().vaultId, sealed)).rejects.toThrow();
    const flipped = sealed.slice();
    flipped[20] = flipped[20]! ^ 1;
    await expect(open(key, keys.vaultId, flipped)).rejects.toThrow();
  });
});
