/** schema.org Person from JSON-LD. Pure; malformed blocks are skipped, never thrown. */

export type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(node: JsonObject, type: string): boolean {
  const t = node['@type'];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === 'string' && (x === type || x.endsWith(`/${type}`)));
}

export interface LdPerson {
  person: JsonObject;
  /** Reached as the mainEntity of a ProfilePage: the page is about this person. */
  main: boolean;
}

/** Every schema.org Person in the page's JSON-LD (objects, arrays, @graph, nested), each once. */
export function jsonLdPeople(doc: Document): LdPerson[] {
  const found: LdPerson[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 50)) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    walk(data, found, 0, false);
  }
  return found;
}

export function jsonLdPersons(doc: Document): JsonObject[] {
  return jsonLdPeople(doc).map((p) => p.person);
}

function walk(node: unknown, found: LdPerson[], depth: number, main: boolean): void {
  if (depth > 6) return;
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 100)) walk(item, found, depth + 1, main);
    return;
  }
  if (!isObject(node)) return;
  if (hasType(node, 'Person')) {
    const seen = found.find((p) => p.person === node);
    if (seen) seen.main ||= main;
    else found.push({ person: node, main });
  }
  const profilePage = hasType(node, 'ProfilePage');
  for (const key of ['@graph', 'mainEntity', 'author', 'about', 'employee', 'founder', 'member']) {
    if (key in node) walk(node[key], found, depth + 1, profilePage && key === 'mainEntity');
  }
}

/** A JSON-LD value as a string: plain, first of an array, or `{ "@value" }`. */
export function ldString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length > 0 ? ldString(value[0]) : null;
  if (isObject(value)) {
    if ('@value' in value) return ldString(value['@value']);
    if ('name' in value) return ldString(value.name);
  }
  return null;
}

/** An image property: a URL string or an ImageObject. */
export function ldImage(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length > 0 ? ldImage(value[0]) : null;
  if (isObject(value)) return ldString(value.contentUrl ?? value.url);
  return null;
}

/**
 * A PostalAddress, Place or plain string as one line ("Redmond, WA, US").
 * With `asShown`, a locality is returned as written and nothing is appended:
 * LinkedIn puts the line its page shows ("Boston", or "Boston, Massachusetts,
 * United States") in addressLocality, and adds an addressCountry code the page
 * never shows (issue #7).
 */
export function ldAddress(value: unknown, options: { asShown?: boolean } = {}, depth = 0): string | null {
  if (depth > 3) return null;
  if (Array.isArray(value)) return value.length > 0 ? ldAddress(value[0], options, depth + 1) : null;
  if (!isObject(value)) return ldString(value);
  const locality = ldString(value.addressLocality);
  if (locality && options.asShown) return locality;
  const rest = [value.addressRegion, value.addressCountry].map(ldString).filter((p): p is string => Boolean(p));
  if (locality) return locality.includes(',') ? locality : [locality, ...rest].join(', ');
  if (rest.length > 0) return rest.join(', ');
  // A Place: its address, else its name.
  return ldAddress(value.address, options, depth + 1) ?? ldString(value.name);
}
