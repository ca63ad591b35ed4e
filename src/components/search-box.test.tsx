import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchBox } from './search-box';

function Harness({ sent, echoLater }: { readonly sent: string[]; readonly echoLater?: boolean }) {
  const [value, setValue] = useState('');
  return (
    <>
      <SearchBox
        value={value}
        onChange={(v) => {
          sent.push(v);
          // The URL store answers on a later task, as it does in the page.
          if (echoLater === true) setTimeout(() => setValue(v), 50);
          else setValue(v);
        }}
      />
      <button type="button" onClick={() => setValue('BTC')}>
        from the URL
      </button>
    </>
  );
}

const box = () => screen.getByRole('searchbox', { name: 'Search' });

describe('search box', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands on the text once typing pauses, not per keystroke', () => {
    const sent: string[] = [];
    render(<Harness sent={sent} />);
    for (const text of ['o', 'or', 'ord']) {
      fireEvent.change(box(), { target: { value: text } });
      act(() => {
        vi.advanceTimersByTime(100);
      });
    }
    expect(sent).toEqual([]);
    act(() => {
      vi.advanceTimersByTime(150);
    });
    expect(sent).toEqual(['ord']);
  });

  it('Enter hands it on at once', () => {
    const sent: string[] = [];
    render(<Harness sent={sent} />);
    fireEvent.change(box(), { target: { value: 'ord-7' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(sent).toEqual(['ord-7']);
  });

  it('keeps what was typed after the text was handed on when the URL echoes it back', () => {
    const sent: string[] = [];
    render(<Harness sent={sent} echoLater />);
    fireEvent.change(box(), { target: { value: 'ord' } });
    act(() => {
      vi.advanceTimersByTime(150);
    });
    expect(sent).toEqual(['ord']);
    fireEvent.change(box(), { target: { value: 'ord-1' } });
    act(() => {
      vi.advanceTimersByTime(50);
    });
    expect(box()).toHaveValue('ord-1');
    act(() => {
      vi.advanceTimersByTime(150);
    });
    expect(sent).toEqual(['ord', 'ord-1']);
  });

  it('a change from elsewhere replaces the draft', () => {
    const sent: string[] = [];
    render(<Harness sent={sent} />);
    fireEvent.click(screen.getByRole('button', { name: 'from the URL' }));
    expect(box()).toHaveValue('BTC');
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(sent).toEqual([]);
  });
});
