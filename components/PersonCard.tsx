import { useState } from 'react';
import type { Person, ProfileCapture } from '@/utils/domain/schemas';

/** Scraped text is data: every value below is rendered as a JSX text node, never as HTML. */

const DEGREE_LABEL: Record<1 | 2 | 3, string> = { 1: '1st', 2: '2nd', 3: '3rd+' };

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

export function Avatar({ name, photoUrl, size = 48 }: { name: string; photoUrl: string | null; size?: number }) {
  const [failed, setFailed] = useState(false);
  const initials = initialsOf(name);
  if (photoUrl && !failed) {
    return (
      <img
        className="avatar"
        src={photoUrl}
        alt=""
        width={size}
        height={size}
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    );
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
        <Avatar name={person.name} photoUrl={person.photoUrl} />
        <div>
          <Heading className="person-name">{person.name}</Heading>
          {person.degree !== null && <span className="degree">{DEGREE_LABEL[person.degree]}</span>}
        </div>
      </div>
      <dl className="fields">
        {person.headline && (
          <>
            <dt>Headline</dt>
            <dd>{person.headline}</dd>
          </>
        )}
        {role && (
          <>
            <dt>Role</dt>
            <dd>{role}</dd>
          </>
        )}
        {person.location && (
          <>
            <dt>Location</dt>
            <dd>{person.location}</dd>
          </>
        )}
        {mutual.count > 0 && (
          <>
            <dt>Mutual connections</dt>
            <dd>
              {mutual.names.length > 0 ? mutual.names.join(', ') : null}
              {mutual.count > mutual.names.length
                ? `${mutual.names.length > 0 ? ' and ' : ''}${mutual.count - mutual.names.length} ${mutual.names.length > 0 ? 'more' : 'mutual'}`
                : null}
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
