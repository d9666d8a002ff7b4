/**
 * Contacts who can introduce: people the user knows (1st-degree, or marked "I
 * know them"), linked to the people they could introduce. Mutual connections
 * read on a profile are names only: a saved person with the same name is a
 * suggestion the user confirms, never a silent merge.
 */
import { effectiveSteps, isOpen } from '../domain/intro-status';
import { personSchema, type Closeness, type IntroRequest, type Person } from '../domain/schemas';
import { pageKey } from '../core/canonical-url';
import { nameKey } from '../core/text';
import type { IntrobookDB } from './app-db';
import { requestsForTarget } from './intros';
import { SameNameError } from './errors';
import { addPersonByHand, findPersonByKey } from './people';
import { rowsWhereAnyOf } from './ranges';
import { formatNumber, t, tn } from '../i18n';
import { UserError } from '../core/user-error';

export { SameNameError } from './errors';

export function isContact(p: Person): boolean {
  return p.deletedAt === null && (p.degree === 1 || p.knowsPersonally);
}


export interface Relationship {
  knowsPersonally?: boolean;
  closeness?: Closeness | null;
  howWeKnow?: string;
  email?: string;
}

async function change(db: IntrobookDB, id: string, edit: (p: Person) => Person, now: number): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(id);
    if (!existing || existing.deletedAt !== null) throw new UserError(t('dbErrors.personGone'));
    const person = personSchema.parse({ ...edit(existing), updatedAt: now });
    await db.people.put(person);
    return person;
  });
}

export function setRelationship(db: IntrobookDB, id: string, relationship: Relationship, now = Date.now()): Promise<Person> {
  return change(db, id, (p) => ({ ...p, ...relationship }), now);
}

export interface HandAddedConnector {
  name: string;
  howWeKnow: string;
  email: string;
  profileUrl: string;
  closeness: Closeness | null;
}

/** Live people whose name folds to the same key as `name` (accents, case and spacing ignored). By index. */
export async function peopleNamed(db: IntrobookDB, name: string, excludeId?: string): Promise<Person[]> {
  const key = nameKey(name);
  if (!key) return [];
  const rows = await db.people.where('nameKey').equals(key).toArray();
  return rows.filter((p) => p.deletedAt === null && p.id !== excludeId);
}

/** Live people whose name starts with what was typed, for suggestions as the user types. By index; at most `limit`. */
export async function peopleNameStartsWith(db: IntrobookDB, typed: string, limit = 5, excludeId?: string): Promise<Person[]> {
  const key = nameKey(typed);
  if (key.length < 2) return [];
  const rows = await db.people.where('nameKey').startsWith(key).limit(limit + 1).toArray();
  return rows.filter((p) => p.deletedAt === null && p.id !== excludeId).slice(0, limit);
}

/**
 * Add someone the user knows as a connector. With a profile URL already saved,
 * that person is updated; with `useId`, the saved person the user picked is;
 * otherwise a new person is created — unless saved people have the same name
 * and `asNew` is not set: then a SameNameError lists them, so the user says
 * whether one is meant ("Is this the Omar Haddad you saved?"). Linked to
 * `targetId` as a confirmed mutual connection when given.
 */
export async function addConnector(
  db: IntrobookDB,
  input: HandAddedConnector,
  targetId: string | null,
  now = Date.now(),
  choice: { useId?: string; asNew?: boolean } = {},
): Promise<Person> {
  const key = input.profileUrl.trim() ? pageKey(input.profileUrl.trim()) : null;
  if (input.profileUrl.trim() && !key) throw new UserError(t('dbErrors.profileLinkHttps'));
  if (!input.name.trim() && !choice.useId) throw new UserError(t('dbErrors.nameRequired'));
  return db.transaction('rw', db.people, async () => {
    let existing = choice.useId ? await db.people.get(choice.useId) : key ? await findPersonByKey(db, key) : undefined;
    if (choice.useId && (!existing || existing.deletedAt !== null)) throw new UserError(t('dbErrors.personGone'));
    if (existing && existing.id === targetId) throw new UserError(t('dbErrors.notTheirOwnConnector'));
    if (!existing && !choice.asNew) {
      const same = (await peopleNamed(db, input.name)).filter((p) => p.id !== targetId);
      if (same.length > 0) throw new SameNameError(same);
    }
    if (existing) {
      existing = personSchema.parse({
        ...existing,
        knowsPersonally: true,
        closeness: input.closeness ?? existing.closeness,
        howWeKnow: input.howWeKnow || existing.howWeKnow,
        email: input.email || existing.email,
        deletedAt: null,
        updatedAt: now,
      });
      await db.people.put(existing);
    }
    const person =
      existing ??
      (await addPersonByHand(
        db,
        { name: input.name, profileUrl: key ?? '', email: input.email, howWeKnow: input.howWeKnow, closeness: input.closeness, knowsPersonally: true },
        now,
        { asNew: true },
      ));
    if (targetId) await linkMutual(db, targetId, person.id, now);
    return person;
  });
}

async function linkMutual(db: IntrobookDB, targetId: string, contactId: string, now: number): Promise<void> {
  const target = await db.people.get(targetId);
  if (!target) throw new UserError(t('dbErrors.personGone'));
  await db.people.put(
    personSchema.parse({
      ...target,
      mutualContactIds: Array.from(new Set([...target.mutualContactIds, contactId])),
      dismissedMutualIds: target.dismissedMutualIds.filter((id) => id !== contactId),
      updatedAt: now,
    }),
  );
}

/** The user confirms a suggested match: this saved person is one of the target's mutual connections (so a 1st-degree contact). */
export async function confirmMutual(db: IntrobookDB, targetId: string, contactId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.people, async () => {
    await linkMutual(db, targetId, contactId, now);
    const contact = await db.people.get(contactId);
    if (contact && contact.degree !== 1) await db.people.put(personSchema.parse({ ...contact, degree: 1, updatedAt: now }));
  });
}

/** "Not them": the name matched, the person did not. */
export async function dismissMutual(db: IntrobookDB, targetId: string, contactId: string, now = Date.now()): Promise<void> {
  await change(
    db,
    targetId,
    (t) => ({
      ...t,
      mutualContactIds: t.mutualContactIds.filter((id) => id !== contactId),
      dismissedMutualIds: Array.from(new Set([...t.dismissedMutualIds, contactId])),
    }),
    now,
  );
}

/** Take back a "Not them": the match is offered again. */
export async function undismissMutual(db: IntrobookDB, targetId: string, contactId: string, now = Date.now()): Promise<void> {
  await change(db, targetId, (t) => ({ ...t, dismissedMutualIds: t.dismissedMutualIds.filter((id) => id !== contactId) }), now);
}

/** Link a saved contact to a person again (Undo of unlinkMutual). */
export async function relinkMutual(db: IntrobookDB, targetId: string, contactId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.people, () => linkMutual(db, targetId, contactId, now));
}

/** Take back a "Yes, same person". */
export async function unlinkMutual(db: IntrobookDB, targetId: string, contactId: string, now = Date.now()): Promise<void> {
  await change(db, targetId, (t) => ({ ...t, mutualContactIds: t.mutualContactIds.filter((id) => id !== contactId) }), now);
}

export interface ConnectorCandidate {
  person: Person;
  score: number;
  reasons: string[];
  openAsks: number;
  successes: number;
}

export interface IntroOptions {
  /** Confirmed mutual contacts, best first. */
  ranked: ConnectorCandidate[];
  /** Mutual names that match saved people by name: the user confirms or dismisses. */
  suggestions: { name: string; matches: Person[] }[];
  /** Mutual names whose saved matches the user said are someone else ("Not them"), reversible. */
  dismissed: { name: string; person: Person }[];
  /** Mutual names with no saved match: candidates to add by hand. */
  unmatched: string[];
  /** What the profile says and what Introbook knows: mutual connections stated, names read, names matching saved people. */
  counts: { stated: number; read: number; saved: number };
}

const REACHED_INTRO = new Set(['introduced', 'meeting-scheduled', 'met', 'thanked', 'closed-loop']);

/** How a connector's past and open asks look, from the requests that went through them. */
export function askRecord(connectorId: string, requests: readonly IntroRequest[]): { openAsks: number; successes: number } {
  let openAsks = 0;
  let successes = 0;
  for (const r of requests) {
    if (r.connectorId !== connectorId || r.deletedAt !== null || r.status === 'draft') continue;
    if (effectiveSteps(r.history).some((h) => REACHED_INTRO.has(h.to))) successes++;
    else if (isOpen(r)) openAsks++;
  }
  return { openAsks, successes };
}

/** Rank one connector: how well the user knows them, past intros that worked, asks already open with them. Pure. */
export function rankConnector(person: Person, record: { openAsks: number; successes: number }): ConnectorCandidate {
  const closeness = person.closeness ?? 0;
  const reasons: string[] = [];
  if (person.closeness === 3) reasons.push(t('connectors.close'));
  else if (person.closeness === 2) reasons.push(t('connectors.knowWell'));
  else if (person.closeness === 1) reasons.push(t('connectors.acquaintance'));
  if (record.successes > 0) reasons.push(tn('connectors.introsThatWorked', record.successes));
  if (record.openAsks > 0) reasons.push(tn('connectors.openAsks', record.openAsks));
  return { person, score: closeness * 10 + record.successes * 8 - record.openAsks * 12, reasons, ...record };
}

/**
 * Reads only what it needs: the confirmed contacts by id, the requests through
 * them by index, and the saved people whose name matches a mutual connection
 * by the name index (one range per name, never a walk of everyone).
 */
export async function whoCanIntroduce(db: IntrobookDB, target: Person): Promise<IntroOptions> {
  const live = (p: Person | undefined): p is Person => p !== undefined && p.deletedAt === null && p.id !== target.id;
  const confirmed = (await db.people.bulkGet(target.mutualContactIds)).filter(live);
  const requests = confirmed.length > 0 ? await rowsWhereAnyOf(db.intros, 'connectorId', confirmed.map((p) => p.id)) : [];
  const ranked = confirmed
    .map((p) => rankConnector(p, askRecord(p.id, requests)))
    .sort((a, b) => b.score - a.score || a.person.name.localeCompare(b.person.name));

  const confirmedNames = new Set(confirmed.map((p) => nameKey(p.name)));
  const keys = Array.from(new Set(target.mutualConnections.names.map(nameKey).filter(Boolean)));
  const sameName = (await rowsWhereAnyOf(db.people, 'nameKey', keys)).filter(live);

  const dismissedIds = new Set(target.dismissedMutualIds);
  const suggestions: IntroOptions['suggestions'] = [];
  const dismissed: IntroOptions['dismissed'] = [];
  const unmatched: string[] = [];
  let saved = 0;
  for (const name of target.mutualConnections.names) {
    const key = nameKey(name);
    const named = sameName.filter((p) => nameKey(p.name) === key);
    if (named.length > 0 || confirmedNames.has(key)) saved++;
    if (confirmedNames.has(key)) continue;
    const matches = named.filter((p) => !target.mutualContactIds.includes(p.id) && !dismissedIds.has(p.id));
    if (matches.length > 0) suggestions.push({ name, matches });
    for (const p of named.filter((p) => dismissedIds.has(p.id))) dismissed.push({ name, person: p });
    if (named.length === 0) unmatched.push(name);
  }
  return {
    ranked,
    suggestions,
    dismissed,
    unmatched,
    counts: { stated: Math.max(target.mutualConnections.count, target.mutualConnections.names.length), read: target.mutualConnections.names.length, saved },
  };
}

/**
 * The one answer to "Who can introduce me?" that the popup and the side panel
 * both show: whether the user already knows the person, a request already under
 * way or done, the ranked connectors, the matches to confirm.
 */
export interface IntroAnswer {
  options: IntroOptions;
  /** The user knows them (1st degree or "I know them"): ask directly, no intro needed. */
  connected: boolean;
  /** The latest live request to meet them that is still open, and one that reached a meeting or closed the loop. */
  open: IntroRequest | null;
  done: IntroRequest | null;
  /** One sentence that says where things stand. */
  headline: string;
}

const REACHED_MEETING = new Set(['met', 'thanked', 'closed-loop']);

export async function introAnswer(db: IntrobookDB, target: Person): Promise<IntroAnswer> {
  const [options, requests] = await Promise.all([whoCanIntroduce(db, target), requestsForTarget(db, target.id)]);
  const connected = target.degree === 1 || target.knowsPersonally;
  const done = requests.find((r) => REACHED_MEETING.has(r.status)) ?? null;
  const open = requests.find((r) => isOpen(r) && !REACHED_MEETING.has(r.status)) ?? requests.find((r) => isOpen(r)) ?? null;
  return { options, connected, open, done, headline: answerHeadline(target, options, connected, open, done) };
}

/** Pure: the headline for an answer. */
export function answerHeadline(target: Pick<Person, 'name'>, options: IntroOptions, connected: boolean, open: IntroRequest | null, done: IntroRequest | null): string {
  if (open && !REACHED_MEETING.has(open.status)) return t('connectors.requestUnderWay', { name: target.name });
  if (done) return done.status === 'closed-loop' ? t('connectors.metAndClosedLoop', { name: target.name }) : t('connectors.met', { name: target.name });
  if (connected) return t('connectors.askDirectly', { name: target.name });
  const n = options.ranked.length;
  if (n > 0) return tn('connectors.contactsCanIntroduce', n);
  if (options.suggestions.length > 0) {
    const m = options.suggestions.length;
    return tn('connectors.mutualsMayBeSaved', m);
  }
  const { stated, read, saved } = options.counts;
  if (stated === 0) return t('connectors.noMutuals');
  return tn('connectors.mutualsCounted', stated, { read: tn('connectors.names', read), saved: formatNumber(saved) });
}
