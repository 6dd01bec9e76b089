import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import FieldHarness from './FieldHarness.svelte';

describe('Field', () => {
	it('labels its control and leaves it unmarked while there is no problem', () => {
		render(FieldHarness);
		const input = screen.getByLabelText('City or town');
		expect(input).toHaveAttribute('id', 'ev-city');
		expect(input).toHaveAttribute('name', 'city');
		expect(input).toHaveAttribute('maxlength', '100');
		expect(input).not.toHaveAttribute('aria-invalid');
		expect(input).not.toHaveAttribute('aria-describedby');
	});

	it('marks the control invalid and describes it with the error, and clears both', async () => {
		const { rerender } = render(FieldHarness, { props: { error: 'Required.' } });
		const input = screen.getByLabelText('City or town');
		expect(input).toHaveAttribute('aria-invalid', 'true');
		expect(input).toHaveAttribute('aria-describedby', 'ev-city-error');
		expect(input).toHaveAccessibleDescription('Required.');
		expect(document.getElementById('ev-city-error')).toHaveClass('error');

		await rerender({ error: undefined });
		expect(input).not.toHaveAttribute('aria-invalid');
		expect(input).not.toHaveAttribute('aria-describedby');
		expect(document.getElementById('ev-city-error')).toBeNull();
	});

	it('describes the control with its help, then its error', () => {
		render(FieldHarness, { props: { help: 'Up to 100 characters.', error: 'Required.' } });
		const input = screen.getByLabelText('City or town');
		expect(input).toHaveAttribute('aria-describedby', 'ev-city-help ev-city-error');
		expect(input).toHaveAccessibleDescription('Up to 100 characters. Required.');
	});

	it('keeps the binding of the control it wraps', async () => {
		render(FieldHarness);
		await userEvent.setup().type(screen.getByLabelText('City or town'), 'Moncton');
		expect(screen.getByRole('status')).toHaveTextContent('Moncton');
	});
});
