/**
 * What LinkedIn's pages look like, as data: selectors and text patterns, each
 * list an ordered fallback (first that matches wins). The extractor in
 * ../linkedin.ts reads fields by structure and uses these hooks where
 * structure can't tell; the next LinkedIn change should be an edit here plus
 * a fixture in tests/fixtures/linkedin/.
 *
 * Stability (reference: ../shared/reference/linkedin-and-profile-pages.md):
 * URLs, link targets and structured data are stable; ARIA and English labels
 * medium; class names brittle (LinkedIn hashes them and reshuffles often).
 */

export interface LinkedInLayout {
  /** Key used in capture-health reports and tests. */
  key: string;
  /** Present only on this layout. */
  detect: string;
  /** The top card (the person's header), most specific first. */
  topCard: string[];
  /** The name, when structure (a self-link) doesn't find it. */
  name: string[];
  headline: string[];
  location: string[];
  degree: string[];
  photo: string[];
  /** The current company's own control (a link or a labelled button). */
  company: string[];
}

/** Known layouts, newest first (each with a note on what it is and when LinkedIn served it). */
export const LAYOUTS: LinkedInLayout[] = [
  {
    key: 'topcard-2026',
    // Logged-in, server-driven (2026): a container whose componentkey ends in "Topcard", every class hashed, the name an h2, the degree rendered twice for two breakpoints.
    detect: '[componentkey$="Topcard"]',
    topCard: ['[componentkey$="Topcard"]'],
    name: ['[componentkey$="Topcard"] h2', '[componentkey$="Topcard"] h1'],
    headline: [],
    location: [],
    degree: [],
    photo: [],
    company: [],
  },
  {
    key: 'app-2025',
    // Logged-in app, late 2025: hashed classes, the name (h1 or h2) inside a link to the profile, bare <p> text.
    detect: 'main a[href*="/in/"] h1, main a[href*="/in/"] h2',
    topCard: ['section[componentkey$="topcard"]'],
    name: [],
    headline: [],
    location: [],
    degree: [],
    photo: [],
    company: [],
  },
  {
    key: 'app-2021',
    // Logged-in app, about 2021 to 2024 (may still be served): artdeco classes, aria-hidden + visually-hidden duplicate spans.
    detect: 'h1.text-heading-xlarge, .pv-top-card, .pv-text-details__left-panel',
    topCard: ['section.pv-top-card', 'section.artdeco-card'],
    name: ['h1.text-heading-xlarge'],
    headline: ['.text-body-medium.break-words'],
    location: ['.text-body-small.inline.t-black--light.break-words'],
    degree: ['.dist-value'],
    photo: ['img.pv-top-card-profile-picture__image'],
    company: ['[aria-label^="Current company:"]'],
  },
  {
    key: 'public',
    // Logged-out public page: server-rendered top-card-layout__* classes, JSON-LD Person, a closed sign-in modal.
    detect: '.top-card-layout, .top-card-layout__title',
    topCard: ['section.top-card-layout', '.top-card-layout'],
    name: ['.top-card-layout__title'],
    headline: ['.top-card-layout__headline'],
    location: ['.top-card-layout__first-subline .top-card__subline-item:not(.top-card__subline-item--bullet)', '.top-card__subline-item', '.top-card-layout__first-subline > div'],
    degree: [],
    photo: ['img.top-card__profile-image'],
    company: ['a[data-tracking-control-name="public_profile_topcard_current_company"]', 'a.top-card-link--current-company'],
  },
  {
    key: 'mwlite',
    // Mobile web (/mwlite/in/…): plain server-rendered page, no self-link.
    detect: '.profile-top-card',
    topCard: ['.profile-top-card'],
    name: ['.profile-top-card h1'],
    headline: [],
    location: [],
    degree: [],
    photo: [],
    company: [],
  },
];

/** Where a top card is when no layout names it: the section around the name. */
const ANY_TOP_CARD = ['section'];

/** Union of every layout's hooks for one field, in layout order (top cards: then any section). */
export function hooks(field: keyof Pick<LinkedInLayout, 'topCard' | 'name' | 'headline' | 'location' | 'degree' | 'photo' | 'company'>): string[] {
  const all = LAYOUTS.flatMap((layout) => layout[field]);
  return field === 'topCard' ? [...all, ...ANY_TOP_CARD] : all;
}

/** The layout a page is in (for capture-health reports), or 'unknown'. */
export function detectLayout(doc: Document): string {
  for (const layout of LAYOUTS) if (doc.querySelector(layout.detect)) return layout.key;
  return 'unknown';
}

/**
 * A degree badge in any UI language: "· 2nd", "3rd+", "2º", "2e", "2.", "2ème",
 * "1er", "2°", "2nd degree connection". A bare digit needs the leading bullet.
 */
export const DEGREE_TEXT =
  /^(?:[·•]\s*([123])(?:st|nd|rd|th|º|ª|°|e|er|re|ère|ème|次|\.)?\+?|([123])(?:st|nd|rd|th|º|ª|°|e|er|re|ère|ème|次|\.)\+?)(?:\s+\p{L}+(?:\s+\p{L}+)?)?$/iu;
/** "(She/Her)", "he/him" */
export const PRONOUNS = /^\(?\p{L}+\/\p{L}+\)?$/u;
/** "500+ connections", "1,234 followers": a number and a word, in any language. */
export const COUNTER = /^\d[\d,.\s]*\+?\s+\p{L}+$/u;

/** Links that tie the page to the person the URL names besides the name's own link (sub-pages of the profile). */
export const PROFILE_SUBPAGE = /\/in\/[^/]+\/(?:overlay|details|recent-activity)\//;

/** A "Message" action on a 1st-degree page carries the member id. */
export const MESSAGE_LINK = 'a[href*="/messaging/compose/"], a[href*="/messaging/thread/"]';
/** A "Connect" action (an invitation): the person is not a 1st-degree connection. Hooks by URL, then by ARIA. */
export const CONNECT_ACTION = 'a[href*="/preload/custom-invite/"], a[href*="/mynetwork/invite"], [aria-label^="Invite "], [aria-label*=" to connect"]';

/** The company and school links and logo controls in the top card. */
export const COMPANY_LINK = 'a[href*="/company/"]';
export const SCHOOL_LINK = 'a[href*="/school/"]';

/** Older layout's "Current company" button label (English only): prefix and the tail to drop. */
export const CURRENT_COMPANY_LABEL = { prefix: /^Current company:\s*/i, tail: /\.\s*Click to skip.*$/i };

/** Headline "Role at Company" connectives, by language. */
export const AT_COMPANY = /^(.+?)\s+(?:at|@|chez|bei|en|presso|bij|na|em|på|w)\s+(.+)$/i;

// --- Experience ----------------------------------------------------------------------

export const EXPERIENCE = {
  /** Where the section is, in order: an anchor, a server-driven component key, the heading's text. */
  anchors: ['#experience'],
  sections: ['section[componentkey$="Experience"]', 'section[componentkey*="ExperienceTopLevelSection"]'],
  headings: /^(?:experience|expérience|berufserfahrung|experiencia|esperienza|ervaring|experiência|doświadczenie|erfarenhet|経歴|经历|經歷|الخبرة)$/i,
  /** One entry (a job, or a company with several jobs). */
  entry: 'li, [role="listitem"]',
  /** Words that mark the day job ("Full-time") in the company line, by language. */
  fullTime: /\b(?:full[- ]time|vollzeit|temps plein|cdi|jornada completa|tempo integral|tempo pieno|voltijd|heltid|pełny etat)\b|正社員|フルタイム|全职|全職|دوام كامل/i,
} as const;

/** "Jan 2021 - Present", "janv. 2021 – aujourd’hui", "2019 - 2021": a range between a year and anything (capture-health reports' rough "date" shape). */
export const DATE_RANGE = /\b(?:1[89]|20)\d{2}\b[^–—-]*\s[–—-]\s*([^·]*)/;
export const YEAR = /\b(?:1[89]|20)\d{2}\b/;

/**
 * The parts of an Experience entry's date line, in every UI language: a date is
 * a year with up to two words before it (a month: "Mar", "janv.", "ene. de"),
 * or the CJK "2022年4月" / "2022년 4월" forms; the end of a range is a date or a
 * word or two for "now" ("Present", "aujourd’hui", "o momento", "現在",
 * "الحالي"); a duration follows a bullet and starts with a number ("3 yrs 10
 * mos", "5 J.", "2年 9ヶ月"). Screen-reader copies say "to" instead of the dash.
 */
const DATE_PARTS = {
  year: '(?:1[89]|20)\\d{2}',
  month: '(?:[\\p{L}\\p{M}]{1,12}\\.?,?\\s+){0,2}(?:\\d{1,2}[./]\\s?)?',
  cjk: '(?:\\s*年(?:\\s*\\d{1,2}\\s*月)?|\\s*년(?:\\s*\\d{1,2}\\s*월)?)?',
  to: '(?:\\s*[–—-]\\s*|\\s+(?:to|until|à|au|bis|a|al|hasta|até|tot|fino a|do)\\s+)',
  now: '[\\p{L}\\p{M}][\\p{L}\\p{M}’\'.]*(?:\\s+[\\p{L}\\p{M}][\\p{L}\\p{M}’\'.]*)?',
  duration: '(?:\\s*[·•]\\s*\\d+\\s*[\\p{L}\\p{M}.]+(?:\\s+(?:\\p{L}{1,3}\\s*)?\\d+\\s*[\\p{L}\\p{M}.]+){0,2})?',
};
const DATE = `${DATE_PARTS.month}${DATE_PARTS.year}${DATE_PARTS.cjk}`;
/**
 * A line that is a date or a date range and nothing else ("Mar 2021 - Present ·
 * 3 yrs", "janv. 2019 – aujourd’hui", "2019年4月 - 現在", "2019"). A description
 * that starts with a range ("2019 - 2020: moved the batch jobs…") is not one:
 * after the range only a "· duration" may follow. Group 1: the range's end.
 */
// Pure: a bundle that never reads dates (the LinkedIn content script's probe) builds no date pattern on load.
export const DATE_LINE = /* @__PURE__ */ new RegExp(`^\\s*${DATE}(?:${DATE_PARTS.to}(${DATE}|${DATE_PARTS.now}))?${DATE_PARTS.duration}\\s*\\.?$`, 'u');
export const DATE_LINE_MAX = 80;

// --- Mutual connections --------------------------------------------------------------------

/**
 * One UI language's mutual-connections sentence. Every pattern matches the
 * whole sentence (names already taken out when the page marks them up):
 * - `others`: "A, B and 12 other mutual connections" — group 1 the names, group 2 the number of others;
 * - `countFirst`: "12 mutual connections", "1 mutual connection – A" — group 1 the count, group 2 the names;
 * - `one`: "A is a mutual connection" (one name, taken whole: it may hold "y" or "and");
 * - `some`: "A and B are mutual connections".
 */
export interface MutualLanguage {
  lang: string;
  /** Words joining the last two names ("A and B"), each standing alone between spaces. */
  and: readonly string[];
  others: RegExp;
  countFirst: RegExp;
  one?: RegExp;
  some?: RegExp;
  /** A courtesy word written after each name (Japanese "さん"). */
  honorific?: RegExp;
}

export const MUTUALS = {
  /** The search link behind the mutual-connections line: a `connectionOf` search… */
  connectionOf: /connectionof/i,
  /** …restricted to the viewer's 1st-degree network, and only that ("500+ connections" lists F and S). */
  networkParams: ['network', 'facetNetwork'],
  network: 'F',
  /**
   * The sentence, by UI language (every language the extractor reads pages in).
   * Names come from `<strong>` or links where the page marks them; otherwise from
   * the text, with these patterns. A sentence none of them matches is read by a
   * generic rule (the names before the last number) and marked "check this".
   */
  languages: [
    {
      lang: 'en',
      and: ['and', '&'],
      others: /^(.+?),?\s+(?:and|&)\s+(\d[\d,.]*)\s+others?(?:\s+mutual\s+connections?)?\.?$/i,
      one: /\s+is an? mutual connection\.?$/i,
      some: /\s+are mutual connections\.?$/i,
      countFirst: /^(\d[\d,.]*)\s+mutual connections?\s*(?:[–—:-]\s*(.+))?$/i,
    },
    {
      lang: 'fr',
      and: ['et'],
      others: /^(.+?),?\s+et\s+(\d[\d\s.]*?)\s+autres?(?:\s+relations?\s+en\s+commun)?\.?$/i,
      one: /\s+est une relation en commun\.?$/i,
      some: /\s+sont des relations en commun\.?$/i,
      countFirst: /^(\d[\d\s.]*)\s+relations? en commun\s*(?:[–—:-]\s*(.+))?$/i,
    },
    {
      lang: 'de',
      and: ['und'],
      others: /^(.+?),?\s+und\s+(\d[\d.]*)\s+(?:weitere[rn]?|andere[rn]?)(?:\s+gemeinsame[rn]?\s+Kontakte?)?\.?$/i,
      one: /\s+ist ein gemeinsamer Kontakt\.?$/i,
      some: /\s+sind gemeinsame Kontakte\.?$/i,
      countFirst: /^(\d[\d.]*)\s+gemeinsamer?\s+Kontakte?\s*(?:[–—:-]\s*(.+))?$/i,
    },
    {
      lang: 'es',
      and: ['y', 'e'],
      others: /^(.+?),?\s+(?:y|e)\s+(\d[\d.]*)\s+(?:contactos?\s+(?:en\s+común\s+)?más(?:\s+en\s+común)?|más(?:\s+contactos?(?:\s+en\s+común)?)?|otros?(?:\s+contactos?)?(?:\s+en\s+común)?)\.?$/iu,
      one: /\s+es un contacto en común\.?$/i,
      some: /\s+son contactos en común\.?$/i,
      countFirst: /^(\d[\d.]*)\s+contactos? en común\s*(?:[–—:-]\s*(.+))?$/i,
    },
    {
      lang: 'pt',
      and: ['e'],
      others: /^(.+?),?\s+e\s+(?:mais\s+|outras?\s+)?(\d[\d.]*)\s+(?:outras?\s+|mais\s+)?(?:conex(?:ão|ões)|pessoas?)(?:\s+em\s+comum)?\.?$/iu,
      one: /\s+é uma? conex[aã]o em comum\.?$/i,
      some: /\s+são conexões em comum\.?$/i,
      countFirst: /^(\d[\d.]*)\s+conex(?:ão|ões) em comum\s*(?:[–—:-]\s*(.+))?$/i,
    },
    {
      lang: 'it',
      and: ['e', 'ed'],
      others: /^(.+?),?\s+(?:e|ed)\s+(?:altr[io]\s+)?(\d[\d.]*)(?:\s+altr[io])?(?:\s+collegament[oi](?:\s+in\s+comune)?)?\.?$/iu,
      one: /\s+è un collegamento in comune\.?$/i,
      some: /\s+sono collegamenti in comune\.?$/i,
      countFirst: /^(\d[\d.]*)\s+collegament[oi] in comune\s*(?:[–—:-]\s*(.+))?$/i,
    },
    {
      lang: 'nl',
      and: ['en'],
      others: /^(.+?),?\s+en\s+(\d[\d.]*)\s+andere[n]?(?:\s+gemeenschappelijke\s+connecties?)?\.?$/iu,
      one: /\s+is een gemeenschappelijke connectie\.?$/i,
      some: /\s+zijn gemeenschappelijke connecties\.?$/i,
      countFirst: /^(\d[\d.]*)\s+gemeenschappelijke connecties?\s*(?:[–—:-]\s*(.+))?$/i,
    },
    {
      // "Li Wei、Omar Haddad、他12人の共通のつながり", "Li Weiさん、他3人", "12人の共通のつながり", "Li Weiさんは共通のつながりです".
      lang: 'ja',
      and: [],
      others: /^(.+?)[、，,]?\s*(?:他|ほか)\s*(\d[\d,]*)\s*(?:人|名)(?:の共通のつながり)?。?$/u,
      some: /\s*(?:は|が)共通のつながりです。?$/u,
      countFirst: /^(\d[\d,]*)\s*(?:人|名)の共通のつながり\s*(?:[–—:：-]\s*(.+))?$/u,
      honorific: /\s*(?:さん|様)$/u,
    },
    {
      // "Li Wei و Omar Haddad و12 من الزملاء المشتركين", "12 علاقة مشتركة", "Li Wei علاقة مشتركة": the word for "mutual" is built on مشترك.
      lang: 'ar',
      and: ['و'],
      others: /^(.+?)\s+و\s*(\d[\d,.]*)\s+(?:من\s+)?(?:[\p{Script=Arabic}\p{M}]+\s+){0,2}?[\p{Script=Arabic}\p{M}]*مشترك[\p{Script=Arabic}\p{M}]*(?:\s+[\p{Script=Arabic}\p{M}]+)?\.?$/u,
      some: /\s+(?:(?:هو|هي|هم|هما)\s+)?(?:[\p{Script=Arabic}\p{M}]+\s+)?[\p{Script=Arabic}\p{M}]*مشترك[\p{Script=Arabic}\p{M}]*\.?$/u,
      countFirst: /^(\d[\d,.]*)\s+(?:من\s+)?(?:[\p{Script=Arabic}\p{M}]+\s+){0,2}?[\p{Script=Arabic}\p{M}]*مشترك[\p{Script=Arabic}\p{M}]*(?:\s+[\p{Script=Arabic}\p{M}]+)?\s*(?:[–—:-]\s*(.+))?$/u,
    },
  ] satisfies MutualLanguage[] as readonly MutualLanguage[],
  /** Words that may sit between the last name and the number in a sentence no language matched ("and 12 other", "e mais 12", "、他12", "و12"). */
  beforeCount: /(?:[,，、،]|\s)+(?:and|&|et|und|y|e|ed|en|mais|más|plus|altri|weitere|others?|他|ほか|و)?(?:\s+(?:mais|altri|other|weitere))?\s*$/iu,
  /** Separators between names in a plain-text list. */
  separators: /\s*[,，、،]\s*/,
} as const;

// --- Pages that are not a person -----------------------------------------------------------

/**
 * Headings and titles that name the page, not a person: LinkedIn's login wall,
 * its not-found pages, sign-up and error screens, in every UI language the
 * extractor reads (en, fr, de, es, it, pt, nl, ja, ar; compared case-, accent-
 * and punctuation-blind). A heading that is only confirmed by being the first h1 never makes
 * a profile; these also stop a `<title>` from making one.
 */
export const NOT_A_PERSON = [
  'welcome to your professional community',
  'profile not found',
  'page not found',
  "this page doesn't exist",
  'this page doesn’t exist',
  'this profile is not available',
  'sign in',
  'sign up',
  'join linkedin',
  'log in or sign up',
  'linkedin: log in or sign up',
  'agree & join linkedin',
  'security verification',
  'bienvenue dans votre communauté professionnelle',
  'willkommen in ihrer beruflichen community',
  'te damos la bienvenida a tu comunidad profesional',
  'profil introuvable',
  'page introuvable',
  'profil nicht gefunden',
  'seite nicht gefunden',
  'perfil no encontrado',
  'página no encontrada',
  // Italian
  'ti diamo il benvenuto nella tua community professionale',
  'profilo non trovato',
  'pagina non trovata',
  // Portuguese
  'boas-vindas à sua comunidade profissional',
  'bem-vindo à sua comunidade profissional',
  'perfil não encontrado',
  'página não encontrada',
  // Dutch
  'welkom in uw professionele community',
  'welkom in je professionele community',
  'profiel niet gevonden',
  'pagina niet gevonden',
  // Japanese
  'プロフェッショナルコミュニティへようこそ',
  'ビジネスコミュニティへようこそ',
  'プロフィールが見つかりません',
  'ページが見つかりません',
  // Arabic
  'مرحبًا بك في مجتمعك المهني',
  'لم يتم العثور على الملف الشخصي',
  'الصفحة غير موجودة',
] as const;

/** A sign-in form on the page (outside any closed dialog): the login wall. */
export const LOGIN_FORM = 'input[type="password"], input[name="session_password"], input[name="session_key"], form[action*="login"] input';

// --- Sales Navigator and Recruiter ----------------------------------------------------------

export const SALES_NAVIGATOR = {
  /** `data-anonymize` values Sales Navigator marks its fields with. */
  anonymize: {
    name: 'person-name',
    headline: 'headline',
    role: 'job-title',
    company: 'company-name',
    location: 'location',
    photo: 'headshot-photo',
  },
} as const;

/** Containers whose links are actions on the person on screen (the "…" menu's "View LinkedIn profile"). */
export const ACTION_CONTAINER = '[role="menu"], [role="menuitem"], [role="toolbar"]';

/**
 * Labels of the "view profile" action wherever it sits (Recruiter's "Public
 * profile" link), by UI language; compared case-, accent- and punctuation-blind.
 * A link labelled with a name is not one: it may be anyone.
 */
export const VIEW_PROFILE_LABELS = [
  'view profile',
  'view linkedin profile',
  'view full profile',
  'view public profile',
  'public profile',
  'linkedin profile',
  'voir le profil',
  'voir le profil linkedin',
  'profil public',
  'profil anzeigen',
  'linkedin profil anzeigen',
  'öffentliches profil',
  'ver perfil',
  'ver perfil de linkedin',
  'ver perfil do linkedin',
  'perfil público',
  'visualizza profilo',
  'profilo pubblico',
  'profiel bekijken',
  'openbaar profiel',
  'プロフィールを表示',
  '公開プロフィール',
  'عرض الملف الشخصي',
] as const;
