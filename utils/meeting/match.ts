/**
 * Who a call is with: a scheduled meeting whose link names this call first,
 * then the user's earlier answer for this link, then participant names and
 * the title against saved people (accents and case ignored, never the user
 * themself). Sure only when one person stands out; otherwise the side panel
 * lists the likely people to pick from. Pure: the background gathers the
 * candidates from indexes and hands them in.
 */
import { foldText } from '../core/text';

export type MatchReason = 'scheduled-link' | 'remembered' | 'name' | 'title' | 'chosen';

export interface PersonLike {
  id: string;
  name: string;
}

export interface MatchCandidate {
  personId: string;
  name: string;
  score: number;
  reason: MatchReason;
  /** The scheduled meeting this call is, when known. */
  meetingId: string | null;
}

export interface MatchEvidence {
  /** People with a meeting scheduled for this call's link or code, nearest in time first. */
  scheduled: { person: PersonLike; meetingId: string; distanceMs: number }[];
  /** The user's earlier answer for this call's link. */
  remembered: { person: PersonLike; meetingId: string | null } | null;
  /** Saved people whose names contain every word of a participant's name, per participant. */
  byParticipant: { participant: string; people: PersonLike[] }[];
  /** Saved people whose full name appears in the title. */
  byTitle: PersonLike[];
  /** People with any meeting scheduled near now (a tie-breaker). */
  soon: Set<string>;
  /** The user's own names (settings and the page's self marker): never a match. */
  selfNames: (string | null)[];
}

export interface MatchResult {
  chosen: MatchCandidate | null;
  /** Likely people, best first (at most 6). */
  candidates: MatchCandidate[];
}

const SURE = 0.9;
const CLEAR_MARGIN = 0.3;

/** How well a saved person's name fits a display name: 1 identical (folded), 0.8 all words present, else lower. */
export function nameFit(displayName: string, personName: string): number {
  const a = foldText(displayName);
  const b = foldText(personName);
  if (!a || !b) return 0;
  if (a === b) return 1;
  const aw = a.split(' ');
  const bw = new Set(b.split(' '));
  if (aw.every((w) => bw.has(w))) return aw.length >= 2 ? 0.8 : 0.4; // "Priya" alone fits every Priya
  return 0;
}

export function rankMatches(evidence: MatchEvidence): MatchResult {
  const self = new Set(evidence.selfNames.filter((n): n is string => Boolean(n)).map(foldText).filter(Boolean));
  const isSelf = (p: PersonLike) => self.has(foldText(p.name));
  const best = new Map<string, MatchCandidate>();
  const offer = (c: MatchCandidate) => {
    const current = best.get(c.personId);
    if (!current || c.score > current.score) best.set(c.personId, { ...c, meetingId: c.meetingId ?? current?.meetingId ?? null });
  };

  const scheduled = evidence.scheduled.filter((s) => !isSelf(s.person));
  if (scheduled.length > 0) {
    const nearest = scheduled[0]!;
    const chosen: MatchCandidate = { personId: nearest.person.id, name: nearest.person.name, score: 1, reason: 'scheduled-link', meetingId: nearest.meetingId };
    const others = scheduled.slice(1).map((s) => ({ personId: s.person.id, name: s.person.name, score: 0.9, reason: 'scheduled-link' as const, meetingId: s.meetingId }));
    return { chosen, candidates: dedupe([chosen, ...others]).slice(0, 6) };
  }
  if (evidence.remembered && !isSelf(evidence.remembered.person)) {
    const p = evidence.remembered.person;
    const chosen: MatchCandidate = { personId: p.id, name: p.name, score: 1, reason: 'remembered', meetingId: evidence.remembered.meetingId };
    return { chosen, candidates: [chosen] };
  }

  const title = evidence.byTitle.filter((p) => !isSelf(p));
  for (const { participant, people } of evidence.byParticipant) {
    if (self.has(foldText(participant))) continue;
    for (const p of people) {
      if (isSelf(p)) continue;
      const fit = nameFit(participant, p.name);
      if (fit === 0) continue;
      offer({ personId: p.id, name: p.name, score: fit, reason: 'name', meetingId: null });
    }
  }
  for (const p of title) offer({ personId: p.id, name: p.name, score: 0.6, reason: 'title', meetingId: null });
  // Small boosts: named in the title too, or a meeting with them is due about now.
  for (const c of best.values()) {
    if (c.reason === 'name' && title.some((p) => p.id === c.personId)) c.score = Math.min(1, c.score + 0.15);
    if (evidence.soon.has(c.personId)) c.score = Math.min(1, c.score + 0.2);
    c.score = Math.round(c.score * 100) / 100;
  }
  const candidates = [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, 6);
  const [top, second] = candidates;
  const sure = top !== undefined && top.score >= SURE && (second === undefined || top.score - second.score >= CLEAR_MARGIN);
  return { chosen: sure ? top : null, candidates };
}

function dedupe(list: MatchCandidate[]): MatchCandidate[] {
  const seen = new Set<string>();
  return list.filter((c) => (seen.has(c.personId) ? false : (seen.add(c.personId), true)));
}

/** Runs of two or three consecutive words of a title, the ways a full name can appear in it. */
export function titleNameRuns(title: string | null): string[] {
  if (!title) return [];
  const words = foldText(title).split(' ').filter(Boolean).slice(0, 30);
  const runs = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    if (i + 1 < words.length) runs.add(`${words[i]} ${words[i + 1]}`);
    if (i + 2 < words.length) runs.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  }
  return [...runs];
}
