import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from '../zod';
import { makeCapture } from '@/tests/helpers/db';
import { contentMessage, pageReadReply, saveReply, statusReply } from './protocol';
import { readSaveReply, readStatusReply, readToContentMessage, type ContentMessage, type PageReadReply, type SaveReply, type StatusReply } from './wire';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

describe('wire types and the zod schemas agree', () => {
  it('each schema parses to exactly the type the content script uses', () => {
    expectTypeOf<z.infer<typeof saveReply>>().toEqualTypeOf<SaveReply>();
    expectTypeOf<z.infer<typeof statusReply>>().toEqualTypeOf<StatusReply>();
    expectTypeOf<z.infer<typeof pageReadReply>>().toEqualTypeOf<PageReadReply>();
    // The health report's schema is looser than its builder's type on purpose (a newer page vocabulary still
    // parses), so that one message is checked one way: what the content script sends, zod takes.
    type Exact<T> = Exclude<T, { type: 'capture/health' }>;
    expectTypeOf<Exact<z.input<typeof contentMessage>>>().toMatchTypeOf<ContentMessage | { type: 'capture/save' }>();
    expectTypeOf<ContentMessage>().toMatchTypeOf<z.input<typeof contentMessage>>();
  });

  it('what the content script sends parses in the background', () => {
    const message: ContentMessage = { type: 'capture/save', capture: makeCapture(), confirmed: true };
    expect(contentMessage.parse(message)).toStrictEqual({ ...message, confirmName: false });
  });
});

describe('hand checks in the content script', () => {
  it.each([
    [{ type: 'page/read' }, { type: 'page/read' }],
    [{ type: 'page/read', extra: 1 }, { type: 'page/read' }],
    [{ type: 'page/saved', profileUrl: 'https://www.linkedin.com/in/ada/', personId: ID }, { type: 'page/saved', profileUrl: 'https://www.linkedin.com/in/ada/', personId: ID }],
    [{ type: 'page/saved', profileUrl: 'javascript:alert(1)', personId: ID }, null],
    [{ type: 'page/saved', profileUrl: 'https://www.linkedin.com/in/ada/', personId: 'x' }, null],
    [{ type: 'people/export' }, null],
    ['page/read', null],
    [null, null],
    [[{ type: 'page/read' }], null],
  ])('message %j → %j', (input, expected) => {
    expect(readToContentMessage(input)).toStrictEqual(expected);
  });

  it.each([
    [{ ok: true, personId: ID, created: true, name: 'Ada', duplicate: false }, { ok: true, personId: ID, created: true, name: 'Ada', duplicate: false }],
    [{ ok: true, personId: ID, created: false, name: 'Ada', duplicate: true }, { ok: true, personId: ID, created: false, name: 'Ada', duplicate: true }],
    [{ ok: false, error: 'No' }, { ok: false, error: 'No' }],
    [{ ok: false, error: 'No', confirmName: 'Ada' }, { ok: false, error: 'No', confirmName: 'Ada' }],
    [{ ok: true, personId: 'nope', created: true, name: 'Ada' }, null],
    [{ ok: true, personId: ID, created: 'yes', name: 'Ada' }, null],
    [{ ok: false }, null],
    [{ ok: false, error: 'x'.repeat(5000) }, null],
    [undefined, null],
  ])('save reply %j → %j', (input, expected) => {
    expect(readSaveReply(input)).toStrictEqual(expected);
    // Whatever the hand check accepts, zod accepts too (same shape, the other side of the wire).
    if (expected) expect(saveReply.parse(expected)).toStrictEqual(expected);
  });

  it.each([
    [{ saved: true, personId: ID }, { saved: true, personId: ID }],
    [{ saved: false, personId: null }, { saved: false, personId: null }],
    [{ saved: true, personId: 3 }, null],
    [{ saved: 'yes', personId: null }, null],
    [{}, null],
  ])('status reply %j → %j', (input, expected) => {
    expect(readStatusReply(input)).toStrictEqual(expected);
  });
});
