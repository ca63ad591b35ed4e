import { render } from '@testing-library/react';
import { untrustedText } from '../../test/support/dom/untrusted-text';
import { ID_KEEP_END, UntrustedText } from './untrusted-text';

function renderText(text: string, keepEnd?: number) {
  const { container } = render(<UntrustedText text={text} {...(keepEnd === undefined ? {} : { keepEnd })} />);
  return container.firstElementChild as HTMLElement;
}

describe('UntrustedText', () => {
  it('isolates a bidi override in <bdi> and shows it as a visible marker, never the raw character', () => {
    const el = renderText('rtl-abc\u202Efdp.exe', ID_KEEP_END);
    expect(el.tagName).toBe('BDI');
    expect(el).toHaveTextContent('rtl-abc⟨U+202E⟩fdp.exe');
    expect(el.textContent).not.toContain('\u202E');
    expect(el).toHaveAttribute('title', 'rtl-abc⟨U+202E⟩fdp.exe');
  });

  it('two ids that differ only by a zero-width character render differently', () => {
    const { container } = render(
      <>
        <UntrustedText text="coid_m0001a_3f2c" keepEnd={ID_KEEP_END} />
        <UntrustedText text={'coid_m0001a\u200B_3f2c'} keepEnd={ID_KEEP_END} />
      </>,
    );
    const [plain, twin] = [...container.querySelectorAll('bdi')];
    expect(untrustedText(plain!)).toBe('coid_m0001a_3f2c');
    expect(untrustedText(twin!)).toBe('coid_m0001a⟨U+200B⟩_3f2c');
    expect(twin!.getAttribute('title')).not.toBe(plain!.getAttribute('title'));
  });

  it("cuts an id in the middle: the head gives way, the id's end is its own element that always shows", () => {
    const el = renderText('coid_demo_17004821', ID_KEEP_END);
    expect(el).toHaveClass('untrusted--cut');
    expect(el.querySelector('.untrusted__head')).toHaveTextContent(/^coid_demo_$/);
    expect(el.querySelector('.untrusted__tail')).toHaveTextContent(/^17004821$/);
    expect(el).toHaveAttribute('title', 'coid_demo_17004821');
  });

  it('a cut value is read whole, in one piece: head and tail are for the eye, one hidden copy for readers', () => {
    const { container } = render(
      <button type="button">
        <UntrustedText text="coid_demo_17004821" keepEnd={ID_KEEP_END} />
      </button>,
    );
    const el = container.querySelector('bdi')!;
    expect(el.querySelector('.untrusted__head')).toHaveAttribute('aria-hidden', 'true');
    expect(el.querySelector('.untrusted__tail')).toHaveAttribute('aria-hidden', 'true');
    expect(el.querySelector('.untrusted__whole')).toHaveTextContent(/^coid_demo_17004821$/);
    expect(container.querySelector('button')).toHaveAccessibleName('coid_demo_17004821');
  });

  it('keeps a marker whole in the tail and short text in one piece', () => {
    const el = renderText('order\u200Bxyz', 4);
    expect(el.querySelector('.untrusted__tail')).toHaveTextContent(/^⟨U\+200B⟩xyz$/);
    const short = renderText('paper', 4);
    expect(short.querySelector('.untrusted__tail')).toBeNull();
    expect(short).toHaveTextContent('paper');
  });

  it('prose is isolated and made visible but never cut or titled', () => {
    const el = renderText('halted by\u2066 risk\u2069 check');
    expect(el.tagName).toBe('BDI');
    expect(el).not.toHaveClass('untrusted--cut');
    expect(el).not.toHaveAttribute('title');
    expect(el.textContent).toBe('halted by⟨U+2066⟩ risk⟨U+2069⟩ check');
  });

  it('renders markup as its characters', () => {
    const el = renderText('<img src=x onerror="window.__pwned=1">', ID_KEEP_END);
    expect(document.querySelector('img')).toBeNull();
    expect(el).toHaveTextContent('<img src=x onerror="window.__pwned=1">');
  });
});
