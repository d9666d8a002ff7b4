import { describe, expect, it } from 'vitest';
import { nameFit, rankMatches, titleNameRuns, type MatchEvidence } from './match';

const priya = { id: 'p1', name: 'Priya Raman' };
const priya2 = { id: 'p2', name: 'Priya Raman' };
const priyaIyer = { id: 'p3', name: 'Priya Raman Iyer' };
const zoe = { id: 'z1', name: 'Zoë Ångström' };
const sam = { id: 's1', name: 'Sam Rivera' };

const none: MatchEvidence = { scheduled: [], remembered: null, byParticipant: [], byTitle: [], soon: new Set(), selfNames: ['Sam Rivera'] };

describe('call matching and ranking', () => {
  it('a scheduled meeting with this link wins, nearest in time first', () => {
    const result = rankMatches({
      ...none,
      scheduled: [
        { person: zoe, meetingId: 'm1', distanceMs: 60_000 },
        { person: priya, meetingId: 'm2', distanceMs: 7_200_000 },
      ],
      byParticipant: [{ participant: 'Priya Raman', people: [priya] }],
    });
    expect(result.chosen).toStrictEqual({ personId: 'z1', name: 'Zoë Ångström', score: 1, reason: 'scheduled-link', meetingId: 'm1' });
    expect(result.candidates.map((c) => c.personId)).toStrictEqual(['z1', 'p1']);
  });

  it('then the user’s earlier answer for this link', () => {
    expect(rankMatches({ ...none, remembered: { person: priya, meetingId: null }, byParticipant: [{ participant: 'Zoë Ångström', people: [zoe] }] }).chosen).toMatchObject({
      personId: 'p1',
      reason: 'remembered',
    });
  });

  it('then one participant whose name is a saved person’s, accents and case ignored', () => {
    const result = rankMatches({ ...none, byParticipant: [{ participant: 'ZOE ANGSTROM', people: [zoe] }] });
    expect(result.chosen).toMatchObject({ personId: 'z1', score: 1, reason: 'name' });
  });

  it('is unsure when two saved people share the name: both are listed to pick from', () => {
    const result = rankMatches({ ...none, byParticipant: [{ participant: 'Priya Raman', people: [priya, priya2, priyaIyer] }] });
    expect(result.chosen).toBeNull();
    expect(result.candidates.map((c) => [c.personId, c.score])).toStrictEqual([
      ['p1', 1],
      ['p2', 1],
      ['p3', 0.8],
    ]);
  });

  it('is unsure with two saved participants, but a meeting due now tips it only when it makes one stand out', () => {
    const two = { ...none, byParticipant: [{ participant: 'Priya Raman', people: [priya] }, { participant: 'Zoë Ångström', people: [zoe] }] };
    expect(rankMatches(two).chosen).toBeNull();
    expect(rankMatches({ ...two, soon: new Set(['z1']) }).chosen).toBeNull(); // 1 vs 1: still too close
    const firstNameOnly = { ...none, byParticipant: [{ participant: 'Priya', people: [priya] }] };
    expect(rankMatches(firstNameOnly).chosen).toBeNull();
    expect(rankMatches({ ...firstNameOnly, soon: new Set(['p1']) }).candidates[0]).toMatchObject({ personId: 'p1', score: 0.6 });
  });

  it('uses the title: a full name there is a candidate, and a boost for a participant', () => {
    expect(rankMatches({ ...none, byTitle: [zoe] })).toStrictEqual({
      chosen: null,
      candidates: [{ personId: 'z1', name: 'Zoë Ångström', score: 0.6, reason: 'title', meetingId: null }],
    });
    const result = rankMatches({ ...none, byTitle: [priyaIyer], byParticipant: [{ participant: 'Priya Raman', people: [priyaIyer] }] });
    expect(result.chosen).toMatchObject({ personId: 'p3', score: 0.95 });
  });

  it('never matches the user themself, whatever the evidence', () => {
    const result = rankMatches({
      ...none,
      scheduled: [{ person: sam, meetingId: 'm9', distanceMs: 0 }],
      remembered: { person: sam, meetingId: null },
      byParticipant: [{ participant: 'Sam Rivera', people: [sam] }, { participant: 'sam rivera', people: [sam] }],
      byTitle: [sam],
    });
    expect(result).toStrictEqual({ chosen: null, candidates: [] });
    // Also when the page marks the user under another display name.
    expect(rankMatches({ ...none, selfNames: [null, 'Samuel R'], byParticipant: [{ participant: 'Samuel R', people: [{ id: 'x', name: 'Samuel R' }] }] }).candidates).toStrictEqual([]);
  });

  it('fits names by words', () => {
    expect(nameFit('Priya Raman', 'priya  RAMAN')).toBe(1);
    expect(nameFit('Priya Raman', 'Priya Raman Iyer')).toBe(0.8);
    expect(nameFit('Priya', 'Priya Raman')).toBe(0.4);
    expect(nameFit('Priya Iyer', 'Priya Raman')).toBe(0);
    expect(titleNameRuns('Coffee chat: Zoë Ångström / Sam')).toContain('zoe angstrom');
  });
});
