import { useState } from 'react';
import { useRemoteQuery } from '@/utils/remote/hooks';
import type { Person, ProfileCapture } from '@/utils/domain/schemas';
import { labels, t, tn } from '@/utils/i18n';

/** Scraped text is data: every value below is rendered as a JSX text node, never as HTML. */

const DEGREE_LABEL: Record<1 | 2 | 3, string> = labels({ 1: 'personCard.degree1', 2: 'personCard.degree2', 3: 'personCard.degree3' });

/** Up to two initials, from the words of a name that start with a letter (never from markup or symbols in it). */
export function initialsOf(name: string): string {
  const words = name
    .replace(/<[^>]*>?/g, ' ') // markup in a scraped name is not part of it
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .map((w) => w.match(/^\p{L}/u)?.[0])
    .filter((c): c is string => Boolean(c));
  const picked = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return picked.join('').toLocaleUpperCase() || '?';
}

/**
 * The person's photo as stored on this machine (entrypoints/background/photos.ts),
 * found by person id or, for a capture not saved under an id yet, by the
 * photo's URL. Never the remote URL itself: extension pages load no remote
 * images (their CSP says `img-src 'self' data:`), so looking at the list
 * tells no image host whom the user keeps. Initials until a copy is stored.
 */
export function Avatar({ name, photoUrl, personId, size = 48 }: { name: string; photoUrl: string | null; personId?: string; size?: number }) {
  const [failed, setFailed] = useState(false);
  // Read by the background (utils/remote/): the popup and the side panel load no database code.
  const stored = useRemoteQuery('photo', { personId: personId ?? null, photoUrl: personId ? null : photoUrl });
  const initials = initialsOf(name);
  if (stored && !failed) {
    return <img className="avatar" src={stored} alt="" width={size} height={size} onError={() => setFailed(true)} />;
  }
  return (
    <span className="avatar avatar-initials" style={{ width: size, height: size }} aria-hidden="true">
      {initials}
    </span>
  );
}

export function roleLine(p: Pick<ProfileCapture, 'role' | 'company'>): string | null {
  if (p.role && p.company) return `${p.role} · ${p.company}`;
  return p.role ?? p.company ?? null;
}

/** The fields of a person as read from the page or the store. */
export function PersonCard({ person, headingLevel = 2 }: { person: ProfileCapture | Person; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const role = roleLine(person);
  const mutual = person.mutualConnections;
  return (
    <article className="person-card" aria-label={person.name}>
      <div className="person-card-head">
        <Avatar name={person.name} photoUrl={person.photoUrl} personId={'id' in person ? person.id : undefined} />
        <div>
          <Heading className="person-name">{person.name}</Heading>
          {person.degree !== null && <span className="degree">{DEGREE_LABEL[person.degree]}</span>}
        </div>
      </div>
      <dl className="fields">
        {person.headline && (
          <>
            <dt>{t('common.headline')}</dt>
            <dd>{person.headline}</dd>
          </>
        )}
        {role && (
          <>
            <dt>{t('addPerson.role')}</dt>
            <dd>{role}</dd>
          </>
        )}
        {person.location && (
          <>
            <dt>{t('common.location')}</dt>
            <dd>{person.location}</dd>
          </>
        )}
        {mutual.count > 0 && (
          <>
            <dt>{t('personCard.mutualConnections')}</dt>
            <dd>
              {mutual.names.length > 0 ? mutual.names.join(', ') : null}
              {mutual.count > mutual.names.length
                ? mutual.names.length > 0
                  ? tn('personCard.andMore', mutual.count - mutual.names.length)
                  : tn('personCard.mutuals', mutual.count)
                : null}
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
