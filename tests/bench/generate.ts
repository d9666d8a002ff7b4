/**
 * A seeded generator of saved people and intro requests for benchmarks: the
 * same seed gives the same rows on every machine. Names mix scripts and
 * accents; companies, roles, tags and notes repeat the way real data does
 * (a few big employers, many small ones).
 */
import { blankUserFields, type IntroRequest, type Person } from '../../utils/domain/schemas';

/** mulberry32: small, fast, good enough for test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ada', 'Alan', 'Amara', 'Ana', 'Anders', 'Aroha', 'Beatriz', 'Bilal', 'Camille', 'Chen', 'Chloé', 'Dmitri', 'Elena', 'Emeka',
  'Fatima', 'François', 'Grace', 'Hana', 'Ingrid', 'Isabel', 'Jamal', 'José', 'Jürgen', 'Kai', 'Kavya', 'Léa', 'Liam', 'Lucía',
  'Łukasz', 'Malik', 'Mariana', 'Mateo', 'Mei', 'Nadia', 'Niamh', 'Noah', 'Olu', 'Omar', 'Paulo', 'Pedro', 'Rahul', 'Ramón',
  'Rania', 'Ren', 'Rosa', 'Sakura', 'Samir', 'Sara', 'Søren', 'Tariq', 'Thandiwe', 'Tomás', 'Valentina', 'Wei', 'Yara', 'Yusuf',
  'Zainab', 'Zoë', 'Ahmed', 'Ines',
];
const LAST = [
  'Abebe', 'Adeyemi', 'Alvarez', 'Andersen', 'Bakker', 'Banerjee', 'Bianchi', 'Brown', 'Castro', 'Chowdhury', 'Costa', 'Da Silva',
  'Dubois', 'Eriksson', 'Fernández', 'Fischer', 'García', 'Gupta', 'Haddad', 'Hansen', 'Hernández', 'Ivanova', 'Jensen', 'Kim',
  'Kowalski', 'Kumar', 'Lee', 'López', 'Martin', 'Mensah', 'Müller', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', 'Olsen', 'Ortiz',
  'Park', 'Patel', 'Petrov', 'Rossi', 'Santos', 'Sato', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Suzuki', 'Tanaka', 'Torres',
  'Van Dijk', 'Wang', 'Weber', 'Wilson', 'Yamamoto', 'Yilmaz', 'Zhang', 'Ångström', 'Østergaard', 'Çelik',
];
const COMPANY_A = ['Nimbus', 'Cobalt', 'Fjord', 'Helix', 'Quanta', 'Verdant', 'Lumen', 'Orbit', 'Ember', 'Atlas', 'Tidal', 'Juniper', 'Solace', 'Vertex', 'Meridian'];
const COMPANY_B = ['Labs', 'Energy', 'Health', 'Systems', 'Analytics', 'Robotics', 'Capital', 'Foods', 'Studio', 'Logistics', 'Bank', 'Bio', 'Works', 'AI'];
const ROLES = [
  'Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'Engineering Manager', 'Product Manager', 'Senior Product Manager',
  'Product Designer', 'UX Researcher', 'Data Scientist', 'Data Analyst', 'Head of Data', 'Marketing Manager', 'Growth Lead',
  'Sales Director', 'Account Executive', 'Customer Success Manager', 'Recruiter', 'Operations Manager', 'Finance Manager',
  'Chief Technology Officer', 'Founder', 'Policy Advisor', 'Research Scientist', 'Principal Consultant', 'Solutions Architect',
];
const CITIES = ['London', 'Berlin', 'Lagos', 'São Paulo', 'Toronto', 'Bengaluru', 'Tokyo', 'Nairobi', 'Madrid', 'Paris', 'New York', 'Sydney', 'Copenhagen', 'Mexico City'];
const TOPICS = ['climate tech', 'fintech', 'healthcare', 'developer tools', 'open source', 'machine learning', 'design systems', 'supply chains', 'payments', 'education'];
const TAGS = ['mentor', 'alumni', 'climate', 'recruiter', 'met-at-conference', 'follow-up', 'booster', 'former-colleague', 'investor', 'friend'];
const NOTES = [
  'Met at the product meetup; happy to talk again in spring.',
  'Recommended reading the platform team blog.',
  'Knows the hiring managers in the data org.',
  'Prefers email over LinkedIn messages.',
  'Moved from consulting into product two years ago.',
];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function slug(name: string, i: number): string {
  return `${encodeURIComponent(name.toLowerCase().normalize('NFC').replace(/\s+/g, '-'))}-${i.toString(36)}`;
}

/** `count` people; the one at index `count / 2` is always Priya Raman at Nimbus Labs (the README's example). */
export function generatePeople(count: number, seed = 42, start = Date.UTC(2024, 0, 1)): Person[] {
  const rand = random(seed);
  // A few big employers, a long tail of small ones.
  const companies = Array.from({ length: 400 }, (_, i) => `${COMPANY_A[i % COMPANY_A.length]} ${COMPANY_B[Math.floor(i / COMPANY_A.length) % COMPANY_B.length]}${i >= 210 ? ` ${i}` : ''}`);
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const priya = i === Math.floor(count / 2);
    const first = priya ? 'Priya' : pick(rand, FIRST);
    const last = priya ? 'Raman' : pick(rand, LAST);
    const name = `${first} ${last}`;
    const company = priya ? 'Nimbus Labs' : companies[Math.floor(Math.pow(rand(), 2.5) * companies.length)]!;
    const role = pick(rand, ROLES);
    const at = start + i * 60_000;
    people.push({
      profileUrl: `https://www.linkedin.com/in/${slug(name, i)}/`,
      name,
      firstName: first,
      lastName: last,
      headline: `${role} at ${company} · ${pick(rand, TOPICS)}`,
      role,
      company,
      location: pick(rand, CITIES),
      photoUrl: null,
      degree: (1 + Math.floor(rand() * 3)) as 1 | 2 | 3,
      mutualConnections: { count: Math.floor(rand() * 40), names: [] },
      source: 'linkedin',
      positions: [{ title: role, company }],
      aliases: [],
      fieldSources: { profileUrl: 'url', name: 'heading' },
      id: uuid(rand),
      createdAt: at,
      updatedAt: at,
      capturedAt: at,
      deletedAt: null,
      ...blankUserFields(),
      notes: rand() < 0.2 ? pick(rand, NOTES) : '',
      tags: rand() < 0.3 ? Array.from(new Set([pick(rand, TAGS), ...(rand() < 0.3 ? [pick(rand, TAGS)] : [])])) : [],
    });
  }
  return people;
}

const STATUSES: IntroRequest['status'][] = ['draft', 'asked', 'asked', 'no-reply', 'introduced', 'meeting-scheduled', 'met', 'thanked', 'closed-loop'];

/** `count` requests between generated people (targets and connectors drawn from `people`). */
export function generateRequests(people: readonly Person[], count: number, seed = 7, start = Date.UTC(2025, 0, 1)): IntroRequest[] {
  const rand = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const target = pick(rand, people);
    let connector = pick(rand, people);
    if (connector.id === target.id) connector = people[(people.indexOf(target) + 1) % people.length]!;
    const at = start + i * 3_600_000;
    const status = pick(rand, STATUSES);
    return {
      id: uuid(rand),
      kind: 'intro',
      targetId: target.id,
      connectorId: connector.id,
      status,
      history: [{ from: null, to: status, at, note: '', correction: false }],
      subject: '',
      message: '',
      blurb: '',
      templateId: null,
      channel: status === 'draft' ? null : 'copy',
      followUps: [],
      dueOverride: null,
      meetingAt: null,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    } satisfies IntroRequest;
  });
}
