// @vitest-environment happy-dom
/**
 * What a view sees from the background while new arguments are on their way (utils/remote/hooks.ts,
 * components/remote-hooks.ts): never another person's record under an id, never a search's people
 * under other filters or after the search was cleared, nothing after a refused query.
 */
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useShownPerson } from '@/components/remote-hooks';
import { makeCapture } from '@/tests/helpers/db';
import { servePanelDb } from '@/tests/helpers/panel-remote';
import { removePerson, savePersonCapture } from '@/utils/db/people';
import { useRemoteQuery } from './hooks';
import type { RemoteQueries } from './protocol';

const panelDb = servePanelDb();

const person = async (slug: string, name: string) =>
  (await savePersonCapture(panelDb(), makeCapture({ profileUrl: `https://www.linkedin.com/in/${slug}/`, name, firstName: name.split(' ')[0]!, lastName: name.split(' ')[1] ?? null }))).person;

type Search = RemoteQueries['people/search']['args'];
const search = (query: string, filters: Search['filters'] = {}): Search => ({ query, filters, limit: 50, at: 0 });

describe('useRemoteQuery while new arguments are on their way', () => {
  it('keeps the last answer only within its group: same filters yes, other filters no, cleared no', async () => {
    await person('ada', 'Ada Lovelace');
    await person('alan', 'Alan Turing');
    const { result, rerender } = renderHook(({ args, group }: { args: Search | null; group: string }) => useRemoteQuery('people/search', args, { keep: group }), {
      initialProps: { args: search('a') as Search | null, group: '{}' },
    });
    await waitFor(() => expect(result.current?.people).toHaveLength(2));
    // More words, same filters: the last people stay until the answer comes.
    rerender({ args: search('ad'), group: '{}' });
    expect(result.current?.people).toHaveLength(2);
    await waitFor(() => expect(result.current?.people.map((p) => p.name)).toStrictEqual(['Ada Lovelace']));
    // Other filters: nothing until their answer (the old people may be ones they exclude).
    rerender({ args: search('ad', { tag: 'mentor' }), group: '{"tag":"mentor"}' });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.people).toStrictEqual([]));
    // Cleared, then a new search: it starts empty, not with the last one's people.
    rerender({ args: search('a'), group: '{}' });
    await waitFor(() => expect(result.current?.people).toHaveLength(2));
    rerender({ args: null, group: '{}' });
    expect(result.current).toBeUndefined();
    rerender({ args: search('t'), group: '{}' });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.people.map((p) => p.name)).toStrictEqual(['Alan Turing']));
  });

  it('a query the background refuses gives nothing, not the last answer', async () => {
    await person('ada', 'Ada Lovelace');
    const { result, rerender } = renderHook(({ args }: { args: Search }) => useRemoteQuery('people/search', args, { keep: '{}' }), { initialProps: { args: search('ada') } });
    await waitFor(() => expect(result.current?.people).toHaveLength(1));
    rerender({ args: { ...search('ada'), limit: 1e6 } });
    await waitFor(() => expect(result.current).toBeUndefined());
  });
});

describe('useShownPerson (the side panel’s selected person)', () => {
  it('shows the first person until the second arrives, never the second id with no page; null once removed', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    const alan = await person('alan', 'Alan Turing');
    const { result, rerender } = renderHook(({ id }: { id: string | null }) => useShownPerson(id), { initialProps: { id: ada.id as string | null } });
    await waitFor(() => expect(result.current?.name).toBe('Ada Lovelace'));
    rerender({ id: alan.id });
    // Alan's record is on its way: Ada's own record stays (no home flashing up in between).
    expect(result.current?.id).toBe(ada.id);
    await waitFor(() => expect(result.current?.id).toBe(alan.id));
    await removePerson(panelDb(), alan.id);
    await waitFor(() => expect(result.current).toBeNull());
    rerender({ id: null });
    expect(result.current).toBeNull();
  });
});
