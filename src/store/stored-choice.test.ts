import { afterEach, describe, expect, it } from 'vitest';
import { createStoredChoice } from './stored-choice';

const KEY = 'orderwatch.test-choice';
const make = () => createStoredChoice<number>(KEY, (raw) => (raw === null ? 1 : Number(raw)), String);

describe('stored choice', () => {
  afterEach(() => window.localStorage.removeItem(KEY));

  it('reads the stored value, keeps a set one across a new reader, and tells its listeners', () => {
    window.localStorage.setItem(KEY, '4');
    const choice = make();
    expect(choice.read()).toBe(4);
    let heard = 0;
    const off = choice.subscribe(() => heard++);
    choice.set(7);
    expect(choice.read()).toBe(7);
    expect(heard).toBe(1);
    expect(make().read()).toBe(7);
    off();
    choice.set(8);
    expect(heard).toBe(1);
  });

  it("follows another tab's change to its key, and only its key", () => {
    const choice = make();
    expect(choice.read()).toBe(1);
    let heard = 0;
    const off = choice.subscribe(() => heard++);
    window.localStorage.setItem(KEY, '9');
    window.dispatchEvent(new StorageEvent('storage', { key: 'something-else' }));
    expect(heard).toBe(0);
    expect(choice.read()).toBe(1);
    window.dispatchEvent(new StorageEvent('storage', { key: KEY }));
    expect(heard).toBe(1);
    expect(choice.read()).toBe(9);
    off();
  });
});
