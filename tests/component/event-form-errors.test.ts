/**
 * The event form's errors follow the person's fixes: after a refused submit, each field's error
 * and its line in the summary go as soon as the field is right, without another submit.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import EventForm from '../../src/routes/(host)/event/EventForm.svelte';
import type { NewEventForm } from '../../src/routes/(host)/event/event-form';

const empty: NewEventForm = {
	name: '',
	venue: '',
	city: '',
	province: '',
	date: '2026-12-10',
	expected: '',
	lang: 'en',
	groupName: '',
	email: ''
};

function renderForm(initial: NewEventForm = empty) {
	const onSave = vi.fn(async () => {});
	render(EventForm, { props: { initial, submitLabel: 'Create event', onSave } });
	return { onSave, user: userEvent.setup() };
}

const summaryItems = () =>
	within(screen.getByTestId('form-errors'))
		.getAllByRole('listitem')
		.map((item) => item.textContent?.trim());

describe('event form errors', () => {
	it('clears a field’s "Required." and its summary line as soon as it is filled', async () => {
		const { onSave, user } = renderForm();
		await user.click(screen.getByRole('button', { name: 'Create event' }));
		const name = screen.getByLabelText('Event name');
		expect(name).toHaveAttribute('aria-invalid', 'true');
		expect(name).toHaveAccessibleDescription('Required.');
		expect(summaryItems()).toEqual([
			'Event name: Required.',
			'Venue: Required.',
			'City or town: Required.',
			'Province or territory: Required.'
		]);
		expect(screen.getByTestId('form-errors')).toHaveFocus();

		await user.type(name, 'Library write-in');
		expect(name).not.toHaveAttribute('aria-invalid');
		expect(name).not.toHaveAccessibleDescription();
		expect(summaryItems()).toEqual([
			'Venue: Required.',
			'City or town: Required.',
			'Province or territory: Required.'
		]);
		// Typing does not move the focus to the summary.
		expect(name).toHaveFocus();

		await user.type(screen.getByLabelText('Venue'), 'Main branch');
		await user.type(screen.getByLabelText('City or town'), 'Halifax');
		await user.selectOptions(screen.getByLabelText('Province or territory'), 'NS');
		expect(screen.queryByTestId('form-errors')).toBeNull();
		expect(screen.queryByText('Required.')).toBeNull();
		expect(onSave).not.toHaveBeenCalled();

		await user.click(screen.getByRole('button', { name: 'Create event' }));
		expect(onSave).toHaveBeenCalledOnce();
	});

	it('brings an error back when a filled field is emptied again', async () => {
		const { user } = renderForm();
		await user.click(screen.getByRole('button', { name: 'Create event' }));
		const city = screen.getByLabelText('City or town');
		await user.type(city, 'Moncton');
		expect(city).not.toHaveAttribute('aria-invalid');
		await user.clear(city);
		// No longer shown in error, so no new error while typing: it waits for the next submit.
		expect(city).not.toHaveAttribute('aria-invalid');
		await user.click(screen.getByRole('button', { name: 'Create event' }));
		expect(city).toHaveAccessibleDescription('Required.');
	});

	it('changes an error to the new problem while the field is still wrong', async () => {
		const { user } = renderForm({ ...empty, name: 'x', venue: 'v', city: 'c', province: 'NS' });
		const expected = screen.getByLabelText('Expected attendance (optional)');
		await user.type(expected, 'lots');
		await user.click(screen.getByRole('button', { name: 'Create event' }));
		expect(expected).toHaveAccessibleDescription('Enter a whole number from 0 to 100,000.');
		await user.clear(expected);
		await user.type(expected, '40');
		expect(expected).not.toHaveAttribute('aria-invalid');
		expect(screen.queryByTestId('form-errors')).toBeNull();
	});

	it('leaves fields never shown in error alone while typing', async () => {
		const { user } = renderForm();
		await user.type(screen.getByLabelText('Contact email'), 'not-an-email');
		expect(screen.getByLabelText('Contact email')).not.toHaveAttribute('aria-invalid');
		expect(screen.queryByTestId('form-errors')).toBeNull();
	});
});
