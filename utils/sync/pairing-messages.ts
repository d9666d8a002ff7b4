/** Why a pairing code was refused, in the user's language (utils/sync/crypto.ts stays free of i18n). */
import { t } from '../i18n';
import { PAIRING_PREFIX, type PairingCodeError } from './crypto';

export function pairingCodeMessage(error: PairingCodeError): string {
  switch (error.problem) {
    case 'bad-character':
      return t('syncText.notInPairingCode', { character: error.character });
    case 'too-short':
      return t('syncText.pairingCodeTooShort');
    case 'prefix':
      return t('syncText.pairingCodePrefix', { prefix: PAIRING_PREFIX });
    case 'wrong-length':
      return t('syncText.pairingCodeLength');
    case 'typo':
      return t('syncText.pairingCodeTypo');
  }
}
