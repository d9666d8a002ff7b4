/**
 * Messages with React nodes in their placeholders ("Ask <strong>{name}</strong>
 * for an intro"): the sentence stays whole in locales/en.yml, so a translation
 * can move the name, and the code supplies the markup.
 */
import { Fragment, createElement, type ReactNode } from 'react';
import { i18n, type GeneratedI18nStructure } from '#i18n';

type Messages = GeneratedI18nStructure;
type NamedKey = { [K in keyof Messages]: Messages[K] extends { plural: false; namedSubstitutions: readonly string[] } ? K : never }[keyof Messages];
type Names<K extends NamedKey> = Messages[K] extends { namedSubstitutions: readonly string[] } ? Messages[K]['namedSubstitutions'][number] : never;

/** The message `key` with each {placeholder} replaced by the node given for it. */
export function tx<K extends NamedKey>(key: K, nodes: Record<Names<K>, ReactNode>): ReactNode {
  // Without substitutions the message comes back with its {placeholders} in place.
  const message = (i18n.t as unknown as (key: string) => string)(key as string);
  const values = nodes as Record<string, ReactNode>;
  const parts = message.split(/\{(\w+)\}/);
  return createElement(
    Fragment,
    null,
    ...parts.map((part, i) => (i % 2 === 0 ? part : createElement(Fragment, { key: i }, part in values ? values[part] : `{${part}}`))),
  );
}
