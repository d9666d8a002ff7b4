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

/** Every schema.org Person in the page's JSON-LD (objects, arrays, @graph, nested). */
export function jsonLdPersons(doc: Document): JsonObject[] {
  const found: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    walk(data, found, 0);
  }
  return found;
}

function walk(node: unknown, found: JsonObject[], depth: number): void {
  if (depth > 6) return;
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 100)) walk(item, found, depth + 1);
    return;
  }
  if (!isObject(node)) return;
  if (hasType(node, 'Person')) found.push(node);
  for (const key of ['@graph', 'mainEntity', 'author', 'about']) {
    if (key in node) walk(node[key], found, depth + 1);
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

/** A PostalAddress (or plain string) as one line. */
export function ldAddress(value: unknown): string | null {
  if (Array.isArray(value)) return value.length > 0 ? ldAddress(value[0]) : null;
  if (!isObject(value)) return ldString(value);
  const locality = ldString(value.addressLocality);
  if (locality) return locality;
  const parts = [value.addressRegion, value.addressCountry].map(ldString).filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}
