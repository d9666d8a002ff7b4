/**
 * CSV of people and of requests, for spreadsheets. Quoting and escaping by
 * papaparse; every text cell that a spreadsheet would run as a formula (it
 * starts with = + - @, a tab or a carriage return) is prefixed with ' (OWASP
 * "CSV Injection"). papaparse's own `escapeFormulae: true` pattern ends in
 * `.*$` and so misses a formula followed by a line break: we pass our own.
 */
import Papa from 'papaparse';
import type { IntroRequest, Person } from '../domain/schemas';
import { CLOSENESS_LABELS } from '../domain/schemas';

export const FORMULA_START = /^[=+\-@\t\r]/;

/** Excel reads a UTF-8 file as UTF-8 only with a byte-order mark. */
const BOM = '\uFEFF';

const iso = (ms: number | null | undefined) => (typeof ms === 'number' ? new Date(ms).toISOString() : '');

function toCsv(fields: string[], data: (string | number)[][]): string {
  return BOM + Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false });
}

export function peopleCsv(people: readonly Person[]): string {
  const fields = [
    'Name',
    'First name',
    'Last name',
    'Headline',
    'Role',
    'Company',
    'Location',
    'Profile URL',
    'Email',
    'Connection degree',
    'Mutual connections',
    'Knows personally',
    'Closeness',
    'How we know',
    'Notes',
    'Saved',
    'Updated',
  ];
  const data = people
    .filter((p) => p.deletedAt === null)
    .map((p) => [
      p.name,
      p.firstName ?? '',
      p.lastName ?? '',
      p.headline ?? '',
      p.role ?? '',
      p.company ?? '',
      p.location ?? '',
      p.profileUrl.startsWith('https:') ? p.profileUrl : '',
      p.email,
      p.degree ?? '',
      p.mutualConnections.count,
      p.knowsPersonally ? 'yes' : 'no',
      p.closeness ? CLOSENESS_LABELS[p.closeness] : '',
      p.howWeKnow,
      p.notes,
      iso(p.createdAt),
      iso(p.updatedAt),
    ]);
  return toCsv(fields, data);
}

export function requestsCsv(requests: readonly IntroRequest[], nameOf: (id: string | null) => string): string {
  const fields = [
    'Person',
    'Through',
    'Kind',
    'Status',
    'Subject',
    'Sent by',
    'Follow-ups sent',
    'Last step',
    'History',
    'Message',
    'Blurb',
    'Created',
    'Updated',
  ];
  const data = requests
    .filter((r) => r.deletedAt === null)
    .map((r) => [
      nameOf(r.targetId),
      r.connectorId ? nameOf(r.connectorId) : '',
      r.kind === 'intro' ? 'introduction' : 'direct ask',
      r.status,
      r.subject,
      r.channel ?? '',
      r.followUps.length,
      iso(r.history.at(-1)?.at),
      r.history.map((h) => `${iso(h.at)} ${h.from ?? 'new'} → ${h.to}${h.note ? `: ${h.note}` : ''}`).join('\n'),
      r.message,
      r.blurb,
      iso(r.createdAt),
      iso(r.updatedAt),
    ]);
  return toCsv(fields, data);
}
