import { useEffect, useState } from 'react';
import { remote } from './client';
import type { QueryName, RemoteQueries } from './protocol';

/**
 * A live query answered by the background (utils/remote/protocol.ts), like dexie-react-hooks'
 * `useLiveQuery` but without Dexie in the page: undefined until the first answer for these
 * arguments, then every new answer as the data changes. Arguments are compared by value.
 */
export function useRemoteQuery<Q extends QueryName>(query: Q, args: RemoteQueries[Q]['args'] | null): RemoteQueries[Q]['result'] | undefined {
  const key = args === null ? null : JSON.stringify(args);
  const [state, setState] = useState<{ key: string; value: RemoteQueries[Q]['result'] } | null>(null);
  useEffect(() => {
    if (key === null) return;
    return remote().subscribe(query, JSON.parse(key) as RemoteQueries[Q]['args'], (value) => setState({ key, value }));
  }, [query, key]);
  return state !== null && state.key === key ? state.value : undefined;
}
