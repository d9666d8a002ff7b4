import { useEffect, useState } from 'react';
import { remote } from './client';
import type { QueryName, RemoteQueries } from './protocol';

/**
 * A live query answered by the background (utils/remote/protocol.ts), like dexie-react-hooks'
 * `useLiveQuery` but without Dexie in the page: undefined until the first answer for these
 * arguments, then every new answer as the data changes. Arguments are compared by value.
 *
 * `keep`: while the answer for new arguments is on its way, go on returning the last answer (for
 * the same query with other arguments), as useLiveQuery does — a list being paged or searched
 * stays on screen, with the focus in it, instead of blinking out. Only where the last answer
 * can't be mistaken for the new one's subject (never for "which person is this").
 */
export function useRemoteQuery<Q extends QueryName>(
  query: Q,
  args: RemoteQueries[Q]['args'] | null,
  options: { keep?: boolean } = {},
): RemoteQueries[Q]['result'] | undefined {
  const key = args === null ? null : JSON.stringify(args);
  const [state, setState] = useState<{ key: string; value: RemoteQueries[Q]['result'] } | null>(null);
  useEffect(() => {
    if (key === null) return;
    return remote().subscribe(query, JSON.parse(key) as RemoteQueries[Q]['args'], (value) => setState({ key, value }));
  }, [query, key]);
  if (state === null || key === null) return undefined;
  return state.key === key || options.keep ? state.value : undefined;
}
