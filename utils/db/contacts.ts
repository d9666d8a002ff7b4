/**
 * Contacts who can introduce: people the user knows (1st-degree, or marked "I
 * know them"), linked to the people they could introduce. Mutual connections
 * read on a profile are names only: a saved person with the same name is a
 * suggestion the user confirms, never a silent merge.
 */
import { effectiveSteps, isOpen } from '../domain/intro-status';
import { blankUserFields, manualCapture, personSchema, type Closeness, type IntroRequest, type Person } from '../domain/schemas';
import { pageKey } from '../core/canonical-url';
import { nameKey, splitName } from '../core/text';
import type { IntrobookDB } from './app-db';
import { findPersonByKey } from './people';

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
    if (!existing || existing.deletedAt !== null) throw new Error('This person is no longer in Introbook.');
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

/**
 * Add someone the user knows by hand. With a profile URL already saved, that
 * person is updated instead; without one, they get a `urn:uuid:` key.
 * Linked to `targetId` as a confirmed mutual connection when given.
 */
export async function addConnector(db: IntrobookDB, input: HandAddedConnector, targetId: string | null, now = Date.now()): Promise<Person> {
  const key = input.profileUrl.trim() ? pageKey(input.profileUrl.trim()) : null;
  if (input.profileUrl.trim() && !key) throw new Error('The profile link must be an https address.');
  return db.transaction('rw', db.people, async () => {
    const existing = key ? await findPersonByKey(db, key) : undefined;
    const id = existing?.id ?? crypto.randomUUID();
    const split = splitName(input.name);
    const person = personSchema.parse(
      existing
        ? {
            ...existing,
            knowsPersonally: true,
            closeness: input.closeness ?? existing.closeness,
            howWeKnow: input.howWeKnow || existing.howWeKnow,
            email: input.email || existing.email,
            deletedAt: null,
            updatedAt: now,
          }
        : {
            ...manualCapture(key ?? `urn:uuid:${id}`, input.name, 'user'),
            firstName: split.first,
            lastName: split.last,
            id,
            createdAt: now,
            updatedAt: now,
            capturedAt: now,
            deletedAt: null,
            ...blankUserFields(),
            knowsPersonally: true,
            closeness: input.closeness,
            howWeKnow: input.howWeKnow,
            email: input.email,
          },
    );
    await db.people.put(person);
    if (targetId) await linkMutual(db, targetId, person.id, now);
    return person;
  });
}

async function linkMutual(db: IntrobookDB, targetId: string, contactId: string, now: number): Promise<void> {
  const target = await db.people.get(targetId);
  if (!target) throw new Error('This person is no longer in Introbook.');
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
  /** Mutual names with no saved match: candidates to add by hand. */
  unmatched: string[];
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
  if (person.closeness === 3) reasons.push('You are close');
  else if (person.closeness === 2) reasons.push('You know them well');
  else if (person.closeness === 1) reasons.push('An acquaintance');
  if (record.successes > 0) reasons.push(`${record.successes} intro${record.successes === 1 ? '' : 's'} that worked`);
  if (record.openAsks > 0) reasons.push(`${record.openAsks} open ask${record.openAsks === 1 ? '' : 's'} with them already`);
  return { person, score: closeness * 10 + record.successes * 8 - record.openAsks * 12, reasons, ...record };
}

/**
 * Reads only what it needs: the confirmed contacts by id, the requests through
 * them by index, and, when the profile named mutual connections, the people
 * whose name matches one (a filtered walk, nothing materialised beyond matches).
 */
export async function whoCanIntroduce(db: IntrobookDB, target: Person): Promise<IntroOptions> {
  const live = (p: Person | undefined): p is Person => p !== undefined && p.deletedAt === null && p.id !== target.id;
  const confirmed = (await db.people.bulkGet(target.mutualContactIds)).filter(live);
  const requests = confirmed.length > 0 ? await db.intros.where('connectorId').anyOf(confirmed.map((p) => p.id)).toArray() : [];
  const ranked = confirmed
    .map((p) => rankConnector(p, askRecord(p.id, requests)))
    .sort((a, b) => b.score - a.score || a.person.name.localeCompare(b.person.name));

  const confirmedNames = new Set(confirmed.map((p) => nameKey(p.name)));
  const wanted = new Set(target.mutualConnections.names.map(nameKey).filter((k) => !confirmedNames.has(k)));
  const sameName = wanted.size > 0 ? await db.people.filter((p) => live(p) && wanted.has(nameKey(p.name))).toArray() : [];

  const taken = new Set([...target.mutualContactIds, ...target.dismissedMutualIds]);
  const suggestions: IntroOptions['suggestions'] = [];
  const unmatched: string[] = [];
  for (const name of target.mutualConnections.names) {
    const key = nameKey(name);
    if (confirmedNames.has(key)) continue;
    const named = sameName.filter((p) => nameKey(p.name) === key);
    const matches = named.filter((p) => !taken.has(p.id));
    if (matches.length > 0) suggestions.push({ name, matches });
    else if (named.length === 0) unmatched.push(name);
  }
  return { ranked, suggestions, unmatched };
}
