/**
 * Issue #12, "Language": every user-visible string in components/ and
 * entrypoints/ is an i18n message (locales/en.yml), so a translation is a
 * file, not a code change. The check (tests/i18n/literal-strings.ts) parses
 * each source file and reports literal text as file:line:column.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { findLiteralStrings, readsAsText, type Finding } from '../i18n/literal-strings';

const ROOT = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|html)$/.test(name) && !/\.(test|e2e)\.tsx?$|\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** An extension page's <title> is text too: it must be a __MSG_…__ key (manifest titles) or set from the messages. */
function htmlFindings(source: string): Finding[] {
  const m = /<title>([^<]*)<\/title>/.exec(source);
  if (!m || !m[1]!.trim() || /^__MSG_\w+__$/.test(m[1]!.trim())) return [];
  const line = source.slice(0, m.index).split('\n').length;
  return [{ start: m.index, end: m.index + m[0].length, line, column: 1, kind: '<title>', text: m[1]!.trim() }];
}

const files = [...sourceFiles('components'), ...sourceFiles('entrypoints')].map((f) => f.split('\\').join('/')).sort();
const findings = new Map(
  files.map((file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    return [file, file.endsWith('.html') ? htmlFindings(source) : findLiteralStrings(file, source)] as const;
  }),
);

describe('user-visible strings', () => {
  it('are i18n messages in every file of components/ and entrypoints/', () => {
    const report = [...findings].flatMap(([file, found]) => found.map((f) => `${file}:${f.line}:${f.column}  ${f.kind}  ${JSON.stringify(f.text)}`));
    expect(report, `Literal text found: put it in locales/en.yml and use t('key') (utils/i18n.ts), or mark a line that is not user text with "i18n-ignore: <why>".\n${report.join('\n')}\n`).toStrictEqual([]);
  });

  it('checks every source file of both folders', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(files).toContain('entrypoints/linkedin.content/save-button.ts');
    expect(files).toContain('components/SettingsView.tsx');
  });
});

/**
 * The utils modules that produce text a view shows: request history and next
 * steps, the outreach checklist, capture notes, and the errors the store,
 * backups, sync and settings report. Internal invariants throw InternalError
 * (utils/core/internal-error.ts), whose English message is never shown.
 */
const UI_TEXT_UTILS = ['utils/db', 'utils/backup', 'utils/sync', 'utils/domain/request-actions.ts', 'utils/domain/outreach-lint.ts', 'utils/domain/intro-status.ts', 'utils/domain/follow-ups.ts', 'utils/domain/business-days.ts', 'utils/domain/ledger.ts', 'utils/settings.ts', 'utils/domain/settings-defaults.ts', 'utils/domain/search-filters.ts', 'utils/toolbar.ts', 'utils/field-notes.ts', 'utils/privacy.ts', 'utils/capture-health.ts', 'utils/domain/prep.ts'];

/** Files of those whose literals are data, not text to show: each with why. */
const UTILS_ALLOWED: Record<string, string> = {
  'utils/backup/csv.ts': 'column headers and values of a data file other apps import: stable, like the raw status codes it carries',
  'utils/db/app-db.ts': 'the v3 built-in template bodies, compared byte for byte to find templates the user never changed',
};

const utilsFiles = UI_TEXT_UTILS.flatMap((path) => (statSync(join(ROOT, path)).isDirectory() ? sourceFiles(path) : [path])).map((f) => f.split('\\').join('/')).sort();

describe('user-visible strings from utils/', () => {
  it('are i18n messages in the modules that produce UI text (history, checklist, next steps, errors of db, backup, sync)', () => {
    const report = utilsFiles
      .filter((file) => !(file in UTILS_ALLOWED))
      .flatMap((file) => findLiteralStrings(file, readFileSync(join(ROOT, file), 'utf8')).map((f) => `${file}:${f.line}:${f.column}  ${f.kind}  ${JSON.stringify(f.text)}`));
    expect(report, `Literal text found: put it in locales/en.yml and use t('key') (utils/i18n.ts); a broken invariant no user sees throws InternalError.\n${report.join('\n')}\n`).toStrictEqual([]);
  });

  it('checks every file of those folders, and allows only files that still hold such data', () => {
    expect(utilsFiles.length).toBeGreaterThan(40);
    for (const file of ['utils/db/people.ts', 'utils/backup/read.ts', 'utils/sync/crypto.ts', 'utils/domain/request-actions.ts', 'utils/domain/outreach-lint.ts', 'utils/privacy.ts', 'utils/capture-health.ts']) expect(utilsFiles).toContain(file);
    for (const file of Object.keys(UTILS_ALLOWED)) {
      expect(utilsFiles, `${file} is no longer there: drop it from the allow list`).toContain(file);
      expect(findLiteralStrings(file, readFileSync(join(ROOT, file), 'utf8')).length, `${file} has no literal text left: drop it from the allow list`).toBeGreaterThan(0);
    }
  });

  it('fails on a thrown English error and passes an InternalError', () => {
    const found = (source: string) => findLiteralStrings('x.ts', source).map((f) => `${f.kind} ${f.text}`);
    expect(found(`if (!p) throw new Error('This person is no longer in Introbook.');`)).toStrictEqual(['string This person is no longer in Introbook.']);
    expect(found("const detail = ok ? 'No job words.' : `Mentions ${jobs}: ask for insight instead.`;")).toStrictEqual(['string No job words.', 'string Mentions …: ask for insight instead.']);
    expect(found(`label: () => 'A prep sheet',`)).toStrictEqual(['string A prep sheet']);
    expect(found(`throw new InternalError(\`Not a synced table: \${name}\`);`)).toStrictEqual([]);
    expect(found(`throw new Error(t('dbErrors.personGone'));`)).toStrictEqual([]);
  });
});

describe('the literal-string check', () => {
  const found = (source: string, file = 'x.tsx') => findLiteralStrings(file, source).map((f) => `${f.kind} ${f.text}`);

  it('finds JSX text, the attributes people read, and text chosen in expressions', () => {
    const source = `
      export function A({ n, name }: { n: number; name: string }) {
        return (
          <form aria-label="Add a person" onSubmit={save}>
            <h2 title={n > 1 ? 'Many' : 'One'}>Saved people</h2>
            <input placeholder="Start of their name" />
            <img alt="Photo" src="/x.png" />
            <TextField label="Email" />
            <p>{name ? \`Hello \${name}\` : 'Nobody yet'}</p>
            <Empty emptyText="Nothing here yet." />
          </form>
        );
      }`;
    expect(found(source)).toStrictEqual([
      'aria-label= Add a person',
      'title= Many',
      'title= One',
      'JSX text Saved people',
      'placeholder= Start of their name',
      'alt= Photo',
      'label= Email',
      'JSX child Hello …',
      'JSX child Nobody yet',
      'emptyText= Nothing here yet.',
    ]);
  });

  it('finds confirm() texts, toasts and errors shown to users, notification and menu titles, label maps', () => {
    const source = `
      const LABELS = { draft: 'Draft', sent: 'Sent to connector' };
      export function f(count: number) {
        if (!window.confirm('Delete this person?')) return;
        showToast(\`Merged \${count} records.\`);
        setError('Could not save. Try again.');
        setStatus({ ok: false, text: 'Nothing was changed' });
        browser.notifications.create('id', { type: 'basic', title: 'Introbook: saved', message: 'Saved Ada.' });
        browser.contextMenus.create({ id: 'save', title: 'Save person', contexts: ['page'] });
        el.setAttribute('aria-label', 'Confirm the new name');
        return \`seen \${count} times\`;
      }`;
    expect(found(source, 'x.ts')).toStrictEqual([
      'string Draft',
      'string Sent to connector',
      'confirm() Delete this person?',
      'string Merged … records.',
      'string Could not save. Try again.',
      'text: Nothing was changed',
      'browser.notifications.create({ title }) Introbook: saved',
      'browser.notifications.create({ message }) Saved Ada.',
      'browser.contextMenus.create({ title }) Save person',
      'string Confirm the new name',
      'string seen … times',
    ]);
  });

  it('ignores class names, test ids, keys, URLs, selectors, CSS, comparisons, types, logs and message keys', () => {
    const source = `
      import { x } from './some module';
      type Kind = 'Intro ask' | 'Thank you';
      const STYLE = \`:host { all: initial; } .bar { display: flex; }\`;
      export function B({ kind }: { kind: string }) {
        console.warn('Introbook: could not save', kind);
        if (kind === 'Thank you') return null;
        document.querySelector('h1, .text-heading-xlarge');
        const url = 'https://www.linkedin.com/in/ada/';
        const key = \`introbook:task:\${kind}\`;
        const notified = \`\${PREFIX}r:\${kind}:\${Date.now()}\`;
        return (
          <div className="people-list muted small" data-testid="Save button" id="add-person" key="People list" style={{ color: 'red' }}>
            <a href="https://example.org/Some Page" rel="noopener noreferrer" target="_blank">{t('common.open')}</a>
            <button type="button" aria-label={t('common.cancel')}>✕</button>
            {' · '}
          </div>
        );
      }`;
    expect(found(source)).toStrictEqual([]);
  });

  it('honours an i18n-ignore comment that says why', () => {
    const source = `
      // i18n-ignore: a reason for the log, never shown
      const why = 'the capture does not match the page';
      const other = 'Shown to people';`;
    expect(found(source, 'x.ts')).toStrictEqual(['string Shown to people']);
  });

  it('tells words from identifiers', () => {
    for (const text of ['Save', 'Saved people', 'seen X times', 'Nothing to import.']) expect(readsAsText(text), text).toBe(true);
    for (const text of ['people', 'save-profile', 'PersonCard', 'GET', 'utils.db', 'https://x.org/a b', '#root', 'a:b;']) expect(readsAsText(text), text).toBe(false);
  });

  it('reports where the text is, line and column', () => {
    const [f] = findLiteralStrings('x.tsx', 'const a = 1;\nconst el = <p>\n  Hello there\n</p>;\n');
    expect(f).toMatchObject({ line: 3, column: 3, kind: 'JSX text', text: 'Hello there' });
  });
});

describe('the messages', () => {
  const LOCALES = resolve(ROOT, 'locales');
  const parse = (file: string) => generateChromeMessages(parseMessagesText(readFileSync(join(LOCALES, file), 'utf8'), 'YAML'));
  const en = parse('en.yml');
  const placeholders = (message: string) => [...new Set(message.match(/\{\w+\}|\$\d/g) ?? [])].sort();

  it('are complete in English and every one is used by the code', () => {
    const code = [
      ...files,
      ...readdirSync(join(ROOT, 'utils'), { recursive: true, encoding: 'utf8' }).map((f) => join('utils', f)),
      'wxt.config.ts',
    ]
      .filter((f) => /\.(tsx?|html)$/.test(f) && !/\.test\./.test(f))
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    const used = new Set([...code.matchAll(/'([A-Za-z][\w.]*)'/g)].map((m) => m[1]!.replaceAll('.', '_')));
    for (const m of code.matchAll(/__MSG_(\w+)__/g)) used.add(m[1]!);
    const unused = Object.keys(en).filter((key) => !used.has(key));
    expect(unused, 'Messages no code uses: remove them from locales/en.yml').toStrictEqual([]);
  });

  it('in other languages have only English keys, with the same placeholders', () => {
    for (const file of readdirSync(LOCALES).filter((f) => f !== 'en.yml')) {
      const other = parse(file);
      for (const [key, { message }] of Object.entries(other)) {
        expect(en[key], `${file}: ${key} is not an English key`).toBeDefined();
        expect(placeholders(message), `${file}: ${key}`).toStrictEqual(placeholders(en[key]!.message));
      }
    }
  });

  it('keep Chrome’s rules: keys of letters, digits and _, no stray $', () => {
    for (const [key, { message }] of Object.entries(en)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(message.replace(/\$\$|\$\d/g, ''), key).not.toContain('$');
    }
  });
});
