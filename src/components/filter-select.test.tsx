import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FilterSelect } from './filter-select';

describe('FilterSelect', () => {
  it('shows engine names with their invisible characters written out and long ones cut in the middle, but filters on the raw value', async () => {
    const user = userEvent.setup();
    const picked: (string | null)[] = [];
    const long = `desk-alpha-${'x'.repeat(40)}-momentum-7`;
    render(<FilterSelect label="Engine" value={null} options={['eng\u202E-1', 'eng-1', long]} onChange={(v) => picked.push(v)} />);
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Any', 'eng⟨U+202E⟩-1', 'eng-1', 'desk-alpha-xxxxxxxxxxxxxx…ntum-7']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Engine' }), options[1]!);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Engine' }), options[3]!);
    expect(picked).toEqual(['eng\u202E-1', long]);
  });
});
