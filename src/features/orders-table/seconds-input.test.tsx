import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SecondsInput } from './seconds-input';

function Harness({ applied }: { readonly applied: (number | null)[] }) {
  const [value, setValue] = useState<number | null>(300);
  return (
    <>
      <SecondsInput
        label="Stale after"
        value={value}
        placeholder="300"
        onChange={(v) => {
          applied.push(v);
          setValue(v);
        }}
      />
      <button type="button" onClick={() => setValue(120)}>
        from the URL
      </button>
    </>
  );
}

const box = () => screen.getByRole('spinbutton', { name: 'Stale after' });

describe('seconds input', () => {
  it('applies on Enter, not per keystroke', () => {
    const applied: (number | null)[] = [];
    render(<Harness applied={applied} />);
    for (const text of ['6', '60', '600']) fireEvent.change(box(), { target: { value: text } });
    expect(applied).toEqual([]);
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(applied).toEqual([600]);
  });

  it('applies when focus leaves, and empty means off', () => {
    const applied: (number | null)[] = [];
    render(<Harness applied={applied} />);
    fireEvent.change(box(), { target: { value: '' } });
    fireEvent.blur(box());
    expect(applied).toEqual([null]);
  });

  it('says a negative or zero draft is not applied, and what still is', () => {
    const applied: (number | null)[] = [];
    render(<Harness applied={applied} />);
    fireEvent.change(box(), { target: { value: '-5' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    fireEvent.blur(box());
    expect(applied).toEqual([]);
    expect(box()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Whole seconds from 1 to 86400: 300 s still applies');
    expect(box()).toHaveValue(-5);
  });

  it('refuses fractions and values past a day, and takes the top of the range', () => {
    const applied: (number | null)[] = [];
    render(<Harness applied={applied} />);
    for (const text of ['1.5', '86401']) {
      fireEvent.change(box(), { target: { value: text } });
      fireEvent.keyDown(box(), { key: 'Enter' });
      expect(box()).toHaveAttribute('aria-invalid', 'true');
    }
    expect(applied).toEqual([]);
    fireEvent.change(box(), { target: { value: '86400' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(applied).toEqual([86_400]);
    expect(box()).toHaveAttribute('aria-invalid', 'false');
  });

  it('Escape puts back what is in force; a change from elsewhere replaces the draft', () => {
    const applied: (number | null)[] = [];
    render(<Harness applied={applied} />);
    fireEvent.change(box(), { target: { value: '45' } });
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(box()).toHaveValue(300);
    fireEvent.change(box(), { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'from the URL' }));
    expect(box()).toHaveValue(120);
    expect(applied).toEqual([]);
  });
});
