// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutoText } from './AutoText';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('AutoText: saved as typed, no save button', () => {
  it('saves after a pause, once, with the last text', async () => {
    const onSave = vi.fn(async () => {});
    render(<AutoText label="Quick notes" value="" onSave={onSave} delayMs={300} />);
    const box = screen.getByRole('textbox', { name: 'Quick notes' });
    fireEvent.change(box, { target: { value: 'A' } });
    fireEvent.change(box, { target: { value: 'Ada' } });
    expect(onSave).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(300));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith('Ada');
    expect(screen.getByText('Saved')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('saves at once when the field is left, and when the view closes', async () => {
    const onSave = vi.fn(async () => {});
    const view = render(<AutoText label="Quick notes" value="" onSave={onSave} delayMs={5000} />);
    const box = screen.getByRole('textbox', { name: 'Quick notes' });
    fireEvent.change(box, { target: { value: 'left the field' } });
    fireEvent.blur(box);
    expect(onSave).toHaveBeenLastCalledWith('left the field');
    fireEvent.change(box, { target: { value: 'closed the view' } });
    view.unmount();
    expect(onSave).toHaveBeenLastCalledWith('closed the view');
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('keeps the text and says so when saving fails', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('quota');
    });
    render(<AutoText label="Quick notes" value="" onSave={onSave} delayMs={100} />);
    const box = screen.getByRole('textbox', { name: 'Quick notes' });
    fireEvent.change(box, { target: { value: 'precious' } });
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(screen.getByText('Not saved — your text is still here; try again.')).toBeInTheDocument();
    expect(box).toHaveValue('precious');
  });
});
