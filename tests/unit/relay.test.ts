/** The relay wrapper: which rooms it serves, and that it answers plain HTTP. */
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { roomOf, startRelay } from '../../server/relay.mjs';

describe('sync relay', () => {
  it('serves only vault rooms: a 16-character vault id as the last path segment', () => {
    expect(roomOf('/abcdefghjk012345')).toBe('abcdefghjk012345');
    expect(roomOf('/introbook/abcdefghjk012345?x=1')).toBe('abcdefghjk012345');
    expect(roomOf('/')).toBeNull();
    expect(roomOf('/ABCDEFGHJK012345')).toBeNull();
    expect(roomOf('/abcdefghjk0123456')).toBeNull();
    expect(roomOf('/../etc/passwd')).toBeNull();
  });

  it('answers a health check and refuses a WebSocket to anything but a vault room', async () => {
    const relay = await startRelay({ port: 0 });
    try {
      const res = await fetch(`http://127.0.0.1:${relay.port}/`);
      expect(await res.text()).toBe('Introbook sync relay: ok\n');
      const refused = await new Promise<string>((done) => {
        const ws = new WebSocket(`${relay.url}/not-a-vault`);
        ws.on('open', () => done('open'));
        ws.on('error', (e) => done(String(e.message)));
      });
      expect(refused).toMatch(/404/);
      const accepted = await new Promise<string>((done) => {
        const ws = new WebSocket(`${relay.url}/abcdefghjk012345`);
        ws.on('open', () => (ws.close(), done('open')));
        ws.on('error', (e) => done(String(e.message)));
      });
      expect(accepted).toBe('open');
    } finally {
      await relay.close();
    }
  });
});
