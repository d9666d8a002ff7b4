import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IntrobookDB } from '../../utils/db/app-db';
import type { ProfileCapture } from '../../utils/domain/schemas';

/** A fresh, isolated database per call; pass the same factory to open a second connection to it. */
export function makeTestDb(factory: IDBFactory = new IDBFactory()): IntrobookDB {
  return new IntrobookDB({ indexedDB: factory, IDBKeyRange });
}

export function makeCapture(overrides: Partial<ProfileCapture> = {}): ProfileCapture {
  return {
    profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
    name: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    headline: 'Principal Engineer at Analytical Engines',
    role: 'Principal Engineer',
    company: 'Analytical Engines',
    location: 'London, England, United Kingdom',
    photoUrl: 'https://media.licdn.com/dms/image/ada.jpg',
    degree: 2,
    mutualConnections: { count: 5, names: ['Charles Babbage', 'Mary Somerville'] },
    source: 'linkedin',
    positions: [{ title: 'Principal Engineer', company: 'Analytical Engines' }],
    aliases: [],
    fieldSources: { profileUrl: 'url', name: 'heading' },
    ...overrides,
  };
}
