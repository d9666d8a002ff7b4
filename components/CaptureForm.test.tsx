// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCapture } from '@/tests/helpers/db';
import { blankUserFields, type Person, type ProfileCapture } from '@/utils/domain/schemas';
import { CaptureForm, type SaveRequest } from './CaptureForm';

afterEach(cleanup);

/** Headline and location guessed from the page layout: low confidence. */
const layoutGuess: ProfileCapture = makeCapture({
  fieldSources: { profileUrl: 'url', name: 'heading', headline: 'structure', location: 'structure', degree: 'structure', company: 'link' },
});

function stored(overrides: Partial<Person> = {}): Person {
  return { ...layoutGuess, id: crypto.randomUUID(), createdAt: 1, updatedAt: 1, capturedAt: 1, deletedAt: null, ...blankUserFields(), ...overrides };
}

function setup(props: { capture?: ProfileCapture; stored?: Person } = {}) {
  const onSave = vi.fn<(r: SaveRequest) => void>();
  const onConfirmStored = vi.fn();
  render(<CaptureForm capture={props.capture ?? layoutGuess} stored={props.stored} busy={false} onSave={onSave} onConfirmStored={onConfirmStored} />);
  return { onSave, onConfirmStored, user: userEvent.setup() };
}

const checkMarks = () => screen.queryAllByText('Check this').map((el) => el.closest('.field')?.querySelector('label')?.textContent ?? el.closest('p')?.textContent);

describe('"check this" for fields the capture is unsure of', () => {
  it('marks low-confidence fields, tells screen readers, and leaves sure ones alone', async () => {
    const { user } = setup();
    expect(checkMarks()).toStrictEqual(['Headline', 'Location', expect.stringContaining('connection degree')]);
    expect(screen.getByRole('textbox', { name: 'Headline' })).toHaveAccessibleDescription('from the page layout Check this');
    await user.click(screen.getByRole('button', { name: 'Edit details' }));
    expect(screen.getByRole('textbox', { name: 'Company' })).toHaveAccessibleDescription('from a link');
  });

  it('confirming clears the mark, and a new person is saved with those fields confirmed', async () => {
    const { onSave, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Headline looks right' }));
    expect(checkMarks()).toStrictEqual(['Location', expect.stringContaining('connection degree')]);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ edits: {}, accept: [], confirmed: ['headline'], confirmName: false });
  });

  it('editing a field is the user’s own word: no mark', async () => {
    const { user } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Location' }), ' (remote)');
    expect(checkMarks()).toStrictEqual(['Headline', expect.stringContaining('connection degree')]);
  });

  it('for a saved person, confirming records it in the store at once', async () => {
    const { onConfirmStored, user } = setup({ stored: stored() });
    await user.click(screen.getByRole('button', { name: 'Location looks right' }));
    expect(onConfirmStored).toHaveBeenCalledWith(['location']);
    expect(checkMarks()).not.toContain('Location');
  });

  it('a saved person whose fields were confirmed shows no marks', () => {
    setup({ stored: stored({ fieldConfidence: { headline: 'high', location: 'high', degree: 'high' } }) });
    expect(checkMarks()).toStrictEqual([]);
  });
});

describe('one glance: fields open on demand', () => {
  it('shows only the fields to check (or with a note) until "Edit details", and keeps them while edited', async () => {
    const { onSave, user } = setup();
    const boxes = () => screen.queryAllByRole('textbox').map((b) => b.getAttribute('id')?.split('-').pop());
    expect(boxes()).toStrictEqual(['headline', 'location']);
    await user.type(screen.getByRole('textbox', { name: 'Location' }), ' (remote)');
    expect(boxes()).toStrictEqual(['headline', 'location']);
    const edit = screen.getByRole('button', { name: 'Edit details' });
    expect(edit).toHaveAttribute('aria-expanded', 'false');
    await user.click(edit);
    expect(edit).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByRole('textbox')).toHaveLength(7);
    expect(screen.getByRole('textbox', { name: 'Company' })).toHaveAccessibleDescription('from a link');
    await user.click(edit);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ edits: { location: `${layoutGuess.location} (remote)` } }));
  });

  it('a record typed in by hand opens with every box; a capture with nothing to check shows none', () => {
    setup({ capture: makeCapture({ name: '', source: 'manual', fieldSources: { profileUrl: 'url' } }) });
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Edit details' })).toHaveAttribute('aria-expanded', 'true');
    cleanup();
    setup({ capture: makeCapture({ fieldSources: { profileUrl: 'url', name: 'json-ld', role: 'json-ld', company: 'json-ld', headline: 'json-ld', location: 'json-ld', degree: 'json-ld' } }) });
    expect(screen.queryAllByRole('textbox')).toStrictEqual([]);
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });
});

describe('what the capture says about its values', () => {
  const CUT = 'The page shows a longer name; Introbook kept the first 500 characters, cut at a word.';

  it('a name up to 500 characters fits the box whole (no cut at 200); role and company keep their own limits', async () => {
    const long = `${'Ngozi '.repeat(60).trim()}`;
    const { onSave, user } = setup({ capture: makeCapture({ name: long, fieldNotes: { name: CUT } }) });
    await user.click(screen.getByRole('button', { name: 'Edit details' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue(long);
    expect(name).toHaveAttribute('maxLength', '500');
    expect(screen.getByRole('textbox', { name: 'Headline' })).toHaveAttribute('maxLength', '500');
    expect(screen.getByRole('textbox', { name: 'Company' })).toHaveAttribute('maxLength', '200');
    await user.type(name, ' Okafor');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave.mock.calls[0]![0].edits.name).toBe(`${long} Okafor`);
  });

  it('shows the note beside its field, for screen readers too, and notes on fields without a box under the boxes', () => {
    // Captures carry the note as a code (utils/domain/limits.ts FIELD_NOTE_CODES); the form says it in words.
    setup({ capture: makeCapture({ fieldNotes: { name: 'name-cut', mutualConnections: 'Only the first 50 names are kept.' } }) });
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(`from the heading ${CUT}`);
    expect(screen.getByRole('list', { name: 'Notes on the capture' })).toHaveTextContent('mutual connections: Only the first 50 names are kept.');
  });

  it('no note beside a value the user owns', () => {
    setup({ capture: makeCapture({ fieldNotes: { name: CUT } }), stored: stored({ name: 'Ada King', editedFields: ['name'], fieldSources: { ...layoutGuess.fieldSources, name: 'user' } }) });
    expect(screen.queryByText(CUT)).toBeNull();
  });
});

describe('a save that renames a saved person asks first', () => {
  it('shows old → new and saves only after the user agrees', async () => {
    const { onSave, user } = setup({ capture: makeCapture({ name: 'Bert Example' }), stored: stored({ name: 'Anna Example' }) });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSave).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog', { name: 'Rename Anna Example to Bert Example?' });
    expect(dialog).toHaveTextContent('Introbook has this profile saved as “Anna Example”.');
    expect(screen.getByRole('button', { name: 'Rename and save' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(screen.getByRole('button', { name: 'Rename and save' }));
    expect(onSave).toHaveBeenCalledOnce();
    expect(onSave.mock.calls[0]![0]).toMatchObject({ confirmName: true });
  });

  it('a name typed over the saved one asks too; the same name in another case does not', async () => {
    const { onSave, user } = setup({ stored: stored() });
    await user.click(screen.getByRole('button', { name: 'Edit details' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'ADA LOVELACE');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ confirmName: false, edits: { name: 'ADA LOVELACE' } }));
    await user.clear(name);
    await user.type(name, 'Augusta King');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByRole('alertdialog', { name: 'Rename Ada Lovelace to Augusta King?' })).toBeInTheDocument();
  });
});
