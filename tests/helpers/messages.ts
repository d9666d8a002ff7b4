/**
 * browser.i18n.getMessage for unit tests, from the real locales/en.yml through
 * @wxt-dev/i18n's own build step (the same messages.json the extension ships),
 * with Chrome's rules: keys are case-insensitive, $1…$9 take the substitutions,
 * $$ is a dollar sign, a missing key gives "".
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

export function loadMessages(locale = 'en'): Map<string, string> {
  const text = readFileSync(resolve(__dirname, `../../locales/${locale}.yml`), 'utf8');
  const chrome = generateChromeMessages(parseMessagesText(text, 'YAML'));
  return new Map(Object.entries(chrome).map(([key, m]) => [key.toLowerCase(), m.message]));
}

export function getMessageFrom(messages: Map<string, string>) {
  return (key: string, substitutions?: string | string[]): string => {
    const message = messages.get(key.toLowerCase());
    if (message === undefined) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
  };
}
