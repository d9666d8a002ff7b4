/**
 * vCard 4.0 (RFC 6350) of people, for address books.
 *
 * Written here rather than with ical.js: its writer escapes the comma inside
 * a URI (a data: PHOTO comes out as `base64\,…`, which readers take
 * literally) and leaves a semicolon in a one-string ORG unescaped, which
 * splits the company in two. The rules are few (§3.2 folding, §3.4
 * escaping); tests parse our output back with ical.js.
 */
import type { Person } from '../domain/schemas';
import { t } from '../i18n';

const CRLF = '\r\n';
const encoder = new TextEncoder();

/**
 * A text value (§3.4): backslash, comma and line breaks escaped, and in a
 * component of a compound value (N, ORG) the semicolon too; other control
 * characters dropped.
 */
export function escapeText(value: string, component = false): string {
  const escaped = value
    .replace(/\r\n|\r|\n/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/,/g, '\\,');
  return component ? escaped.replace(/;/g, '\\;') : escaped;
}

/** Lines of at most 75 octets; continuation lines start with a space; never splits a character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > 75) {
      out.push(current);
      current = ` ${ch}`;
      octets = 1 + size;
    } else {
      current += ch;
      octets += size;
    }
  }
  out.push(current);
  return out.join(CRLF);
}

const property = (name: string, value: string) => foldLine(`${name}:${value}`);

function basicTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function vcardOf(person: Person, photo: string | undefined): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', property('UID', `urn:uuid:${person.id}`), property('FN', escapeText(person.name))];
  const family = person.lastName ?? '';
  const given = person.firstName ?? (family ? '' : person.name);
  lines.push(property('N', [family, given, '', '', ''].map((part) => escapeText(part, true)).join(';')));
  if (person.company) lines.push(property('ORG', escapeText(person.company, true)));
  if (person.role) lines.push(property('TITLE', escapeText(person.role)));
  if (person.email) lines.push(property('EMAIL', escapeText(person.email)));
  if (person.profileUrl.startsWith('https:')) lines.push(property('URL', person.profileUrl));
  // Only the local copy, as a data: URI: a vCard never points an address book at LinkedIn's servers.
  if (photo?.startsWith('data:image/')) lines.push(property('PHOTO', photo));
  const note = [person.headline, person.location, person.howWeKnow ? t('backupErrors.vcardHowWeKnow', { howWeKnow: person.howWeKnow }) : null, person.notes || null]
    .filter((line): line is string => Boolean(line))
    .join('\n');
  if (note) lines.push(property('NOTE', escapeText(note)));
  lines.push(property('REV', basicTimestamp(person.updatedAt)), 'END:VCARD');
  return lines.join(CRLF) + CRLF;
}

/** One .vcf holding every live person; `photos` maps a person's id to their stored photo. */
export function peopleVcard(people: readonly Person[], photos: ReadonlyMap<string, string> = new Map()): string {
  return people
    .filter((p) => p.deletedAt === null)
    .map((p) => vcardOf(p, photos.get(p.id)))
    .join('');
}
