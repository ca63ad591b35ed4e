import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HistoryLink } from './history-link';

describe('HistoryLink', () => {
  beforeEach(() => window.history.replaceState(null, '', '/?q=btc&status=OPEN&order=a'));

  it('switches to History in the page and back, keeping the live filters, with a back-button entry', async () => {
    const before = window.history.length;
    render(<HistoryLink />);
    const link = screen.getByRole('link', { name: 'History' });
    expect(link).toHaveAttribute('href', '?q=btc&status=OPEN&view=history');
    await userEvent.click(link);
    expect(window.location.search).toBe('?q=btc&status=OPEN&view=history');
    expect(window.history.length).toBe(before + 1);
    await userEvent.click(screen.getByRole('link', { name: '← Live' }));
    expect(window.location.search).toBe('?q=btc&status=OPEN');
    // Back: History again, told to every view through popstate.
    await act(async () => {
      window.history.back();
      await new Promise<void>((resolve) => window.addEventListener('popstate', () => resolve(), { once: true }));
    });
    expect(screen.getByRole('link', { name: '← Live' })).toBeInTheDocument();
  });
});
