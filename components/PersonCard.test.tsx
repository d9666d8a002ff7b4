// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCapture } from '@/tests/helpers/db';
import { blankUserFields, type Person } from '@/utils/domain/schemas';
import { PeopleList } from './PeopleList';
import { initialsOf, PersonCard } from './PersonCard';

afterEach(cleanup);

const hostile = makeCapture({
  name: '<img src=x onerror="window.__pwned=1">',
  headline: '<script>window.__pwned=2</script><b>bold</b>',
  photoUrl: null,
});

function person(overrides: Partial<Person> = {}): Person {
  return {
    ...makeCapture(),
    id: crypto.randomUUID(),
    createdAt: 1,
    updatedAt: 1,
    capturedAt: 1,
    deletedAt: null,
    ...blankUserFields(),
    ...overrides,
  };
}

describe('PersonCard', () => {
  it('shows the captured fields', () => {
    render(<PersonCard person={makeCapture()} />);
    const card = screen.getByRole('article', { name: 'Ada Lovelace' });
    expect(within(card).getByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(card).toHaveTextContent('2nd');
    expect(card).toHaveTextContent('Principal Engineer · Analytical Engines');
    expect(card).toHaveTextContent('Charles Babbage, Mary Somerville and 3 more');
  });

  it('renders markup in scraped text as text', () => {
    const { container } = render(<PersonCard person={hostile} />);
    expect(screen.getByRole('heading')).toHaveTextContent('<img src=x onerror="window.__pwned=1">');
    expect(container).toHaveTextContent('<script>window.__pwned=2</script><b>bold</b>');
    expect(container.querySelector('img, script, b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('states a count-only mutual connection line', () => {
    render(<PersonCard person={makeCapture({ mutualConnections: { count: 12, names: [] } })} />);
    expect(screen.getByRole('article')).toHaveTextContent('12 mutual');
  });
});

describe('PeopleList', () => {
  it('opens a person from the keyboard', async () => {
    const onOpen = vi.fn();
    const people = [person({ name: 'Ada Lovelace' }), person({ name: 'Grace Hopper', profileUrl: 'https://www.linkedin.com/in/grace/' })];
    render(<PeopleList people={people} onOpen={onOpen} label="Saved people" />);
    const user = userEvent.setup();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: /Grace Hopper/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(people[1]);
  });
});

describe('Avatar initials', () => {
  it('come from the letters of the name, never from markup or symbols in it', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf('Bob <b>')).toBe('B');
    expect(initialsOf('<img src=x onerror=alert(1)>')).toBe('?');
    expect(initialsOf('Zoë Ångström (she/her)')).toBe('ZÅ');
    expect(initialsOf('Mary Jane Watson')).toBe('MW');
    expect(initialsOf('🚀 Grace Hopper')).toBe('GH');
  });
});
