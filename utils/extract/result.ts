import { profileCaptureSchema, type ProfileCapture } from '../domain/schemas';

export type ReadResult =
  | {
      status: 'ok';
      capture: ProfileCapture;
      /**
       * True when the page itself ties what is shown to the URL's person (a
       * self-link in the top card, JSON-LD or embedded data naming this
       * profile). After in-app navigation the DOM can still show the previous
       * person until this holds.
       */
      confirmed: boolean;
    }
  | { status: 'not-profile' }
  | { status: 'unreadable'; profileUrl: string; reason: string };

export const NO_NAME = "Introbook couldn't find this person's name on the page.";

/** Every extractor's last step: a capture that fails the schema is reported, never returned. */
export function finish(candidate: ProfileCapture, confirmed: boolean): ReadResult {
  const parsed = profileCaptureSchema.safeParse(candidate);
  if (!parsed.success) {
    return { status: 'unreadable', profileUrl: candidate.profileUrl, reason: 'The page gave values Introbook could not use.' };
  }
  return { status: 'ok', capture: parsed.data, confirmed };
}
