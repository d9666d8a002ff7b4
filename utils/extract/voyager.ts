/**
 * LinkedIn's embedded API data (`<code id="bpr-guid-…">` blocks) on logged-in
 * pages. These blocks come from the document's first load, so after in-app
 * navigation they can describe the previous profile, or the viewer: a block is
 * used only when its profile's `publicIdentifier` is the one the URL names
 * (reference §5; joshuatz/linkedin-to-jsonresume #26).
 */
import type { JsonObject } from './structured-data';

export interface EmbeddedProfile {
  firstName: string | null;
  lastName: string | null;
  headline: string | null;
  /** Current positions (no end date), in page order. */
  positions: { title: string | null; company: string | null }[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

function typeEnds(entity: JsonObject, suffix: string): boolean {
  const t = entity.$type;
  return typeof t === 'string' && t.endsWith(suffix);
}

function entities(doc: Document): JsonObject[] {
  const found: JsonObject[] = [];
  for (const code of Array.from(doc.querySelectorAll('code[id^="bpr-guid-"]')).slice(0, 200)) {
    let body: unknown;
    try {
      body = JSON.parse(code.textContent ?? '');
    } catch {
      continue;
    }
    const included = (body as { included?: unknown })?.included;
    if (!Array.isArray(included)) continue;
    for (const item of included.slice(0, 5000)) {
      if (item && typeof item === 'object' && !Array.isArray(item)) found.push(item as JsonObject);
    }
  }
  return found;
}

/** The embedded profile whose publicIdentifier is `profileId` (decoded, lower-case), or null. */
export function embeddedProfile(doc: Document, profileId: string): EmbeddedProfile | null {
  const all = entities(doc);
  if (all.length === 0) return null;
  const profile = all.find(
    (e) =>
      (typeEnds(e, '.Profile') || typeEnds(e, '.MiniProfile')) &&
      typeof e.publicIdentifier === 'string' &&
      e.publicIdentifier.normalize('NFC').toLowerCase() === profileId,
  );
  if (!profile) return null;
  // Positions name their profile inside their urn: urn:li:fsd_profilePosition:(ACoAA…,123)
  const memberId = /ACoAA[\w-]+/.exec(String(profile.entityUrn ?? ''))?.[0];
  const positions = all
    .filter((e) => typeEnds(e, '.Position') && memberId !== undefined && String(e.entityUrn ?? '').includes(memberId))
    .filter((e) => {
      const range = e.dateRange as { end?: unknown } | undefined;
      return range !== undefined && (range.end === undefined || range.end === null);
    })
    .map((e) => ({ title: str(e.title), company: str(e.companyName) }));
  return {
    firstName: str(profile.firstName),
    lastName: str(profile.lastName),
    headline: str(profile.headline) ?? str(profile.occupation),
    positions,
  };
}
