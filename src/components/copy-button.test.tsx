import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopyButton } from './copy-button';

const RAW = 'coid\u200B_\u202Eevil';

describe('CopyButton', () => {
  it('copies the raw value, invisible characters included, and says so until focus moves on', async () => {
    const user = userEvent.setup();
    render(
      <>
        <CopyButton value={RAW} label="client order id" />
        <button type="button">elsewhere</button>
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Copy client order id' }));
    expect(await navigator.clipboard.readText()).toBe(RAW);
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
    await user.tab();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('a new value starts without the last one\'s "Copied"', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<CopyButton value="a-1" label="id" />);
    await user.click(screen.getByRole('button', { name: 'Copy id' }));
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
    rerender(<CopyButton value="b-2" label="id" />);
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('without a clipboard says so and offers the raw value selected for Ctrl+C', async () => {
    const user = userEvent.setup();
    const saved = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    try {
      render(<CopyButton value={RAW} label="exchange order id" />);
      await user.click(screen.getByRole('button', { name: 'Copy exchange order id' }));
      expect(screen.getByRole('status')).toHaveTextContent(/Clipboard unavailable/);
      const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: /exchange order id, selected/ });
      expect(box.value).toBe(RAW);
      expect(box).toHaveFocus();
      expect([box.selectionStart, box.selectionEnd]).toEqual([0, RAW.length]);
    } finally {
      if (saved === undefined) Reflect.deleteProperty(navigator, 'clipboard');
      else Object.defineProperty(navigator, 'clipboard', saved);
    }
  });

  it('a refused write (permission denied) is reported the same way, not thrown', async () => {
    const user = userEvent.setup();
    const refuse = (): Promise<void> => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    const saved = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: refuse } });
    try {
      render(<CopyButton value="x-1" label="id" />);
      await user.click(screen.getByRole('button', { name: 'Copy id' }));
      expect(await screen.findByText(/Clipboard unavailable/)).toBeInTheDocument();
    } finally {
      if (saved === undefined) Reflect.deleteProperty(navigator, 'clipboard');
      else Object.defineProperty(navigator, 'clipboard', saved);
    }
  });
});
