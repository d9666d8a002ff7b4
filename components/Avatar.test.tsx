// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PIXEL_PNG } from '@/tests/helpers/backup';
import { getDb } from '@/utils/db/db';
import { Avatar } from './PersonCard';

const REMOTE = 'https://media.licdn.com/dms/image/ada.jpg';

afterEach(async () => {
  cleanup();
  await getDb().photos.clear();
});

describe('Avatar', () => {
  it('never puts a remote photo URL in the page: initials until a local copy is stored', async () => {
    const { container } = render(<Avatar name="Ada Lovelace" photoUrl={REMOTE} personId={crypto.randomUUID()} />);
    await new Promise((r) => setTimeout(r, 50));
    expect(container.querySelector('img')).toBeNull();
    expect(container).toHaveTextContent('AL');
  });

  it('shows the stored copy, found by person id or by photo URL', async () => {
    const id = crypto.randomUUID();
    await getDb().photos.put({ id, url: REMOTE, dataUrl: PIXEL_PNG, width: 1, height: 1, createdAt: 1, updatedAt: 1 });
    const byId = render(<Avatar name="Ada Lovelace" photoUrl={null} personId={id} />);
    await waitFor(() => expect(byId.container.querySelector('img')?.getAttribute('src')).toBe(PIXEL_PNG));
    const byUrl = render(<Avatar name="Ada Lovelace" photoUrl={REMOTE} />);
    await waitFor(() => expect(byUrl.container.querySelector('img')?.getAttribute('src')).toBe(PIXEL_PNG));
    expect(document.querySelectorAll(`img[src^="https:"]`)).toHaveLength(0);
  });
});
