import type { LeveldbPersistence } from 'y-leveldb';

export interface Relay {
  port: number;
  host: string;
  /** ws://host:port — what a device enters as the relay address. */
  url: string;
  dataDir: string | null;
  persistence: LeveldbPersistence | null;
  close(): Promise<void>;
}

export function roomOf(url?: string): string | null;
export function startRelay(options?: { port?: number; host?: string; dataDir?: string | null; maxMessageMb?: number; log?: (msg: string) => void }): Promise<Relay>;
