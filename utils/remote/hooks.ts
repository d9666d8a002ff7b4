import { useEffect, useState } from 'react';
import { remote } from './client';
import type { QueryName, RemoteQueries } from './protocol';

/**
 * A live query answered by the background (utils/remote/protocol.ts), like dexie-react-hooks'
 * `useLiveQuery` but without Dexie in the page: undefined until the first answer for these
 * arguments, then every new answer as the data changes. Arguments are compared by value.
 *
 * `keep` (a group): while the answer for new arguments is on its way, go on returning the last
 * answer if it was for the same group — a list being paged, or searched with the same filters,
 * stays on screen with the focus in it instead of blinking out. Never across groups (other
 * filters: people they exclude), never after the arguments were cleared (a new search starts
 * empty), never after a refused query, and never for "which person is this".
 */
export function useRemoteQuery<Q extends QueryName>(
  query: Q,
  args: RemoteQueries[Q]['args'] | null,
  options: { keep?: string } = {},
): RemoteQueries[Q]['result'] | undefined {
  const key = args === null ? null : JSON.stringify(args);
  const group = options.keep;
  // An answer already here (the page prefetched its first view, or another view asks the same) is
  // shown in the first render: no empty frame while the effect below subscribes.
  const [state, setState] = useState<{ key: string; group: string | undefined; value: RemoteQueries[Q]['result'] | undefined } | null>(() => {
    const ready = key === null ? undefined : remote().peek(query, JSON.parse(key) as RemoteQueries[Q]['args']);
    return ready && key !== null ? { key, group, value: ready.value } : null;
  });
  // Arguments cleared: what was kept is dropped (state adjusted while rendering, React's pattern).
  if (key === null && state !== null) setState(null);
  useEffect(() => {
    if (key === null) return;
    return remote().subscribe(
      query,
      JSON.parse(key) as RemoteQueries[Q]['args'],
      // (An answer the first render already showed is not set again.)
      (value) => setState((prev) => (prev?.key === key && prev.group === group && prev.value === value ? prev : { key, group, value })),
      (error) => {
        console.warn(`Introbook: ${query} failed`, error);
        // Nothing for these arguments, and nothing kept from before.
        setState({ key, group, value: undefined });
      },
    );
  }, [query, key, group]);
  if (state === null || key === null) return undefined;
  if (state.key === key) return state.value;
  return group !== undefined && state.group === group ? state.value : undefined;
}
