import { describe, expect, it } from 'vitest';
import { encodePairingCode, newVault, PairingCodeError, parsePairingCode } from './crypto';
import { pairingCodeMessage } from './pairing-messages';

const refusal = async (code: string) => {
  const error = await parsePairingCode(code).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PairingCodeError);
  return pairingCodeMessage(error as PairingCodeError);
};

describe('why a pairing code was refused, in words', () => {
  it('says each problem as the settings page shows it', async () => {
    const code = await encodePairingCode(newVault());
    expect(await refusal('https://example.org')).toBe('A pairing code starts with “IB1-”.');
    expect(await refusal(code.slice(0, -6))).toBe('This pairing code has the wrong length. Copy it again from the other device.');
    expect(pairingCodeMessage(new PairingCodeError('bad-character', 'U'))).toBe('“U” is not part of a pairing code.');
    expect(pairingCodeMessage(new PairingCodeError('too-short'))).toBe('This pairing code is too short.');
  });
});
