/**
 * "Add several" on the event screen: one dialog for case, kind and number, against the real
 * tally repo on fake-indexeddb (through TallyHarness, as the event screen wires it).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { LetterdayDB, useDatabase } from '$lib/client/db/database';
import TallyHarness from './TallyHarness.svelte';

let database: LetterdayDB;

beforeEach(() => {
	database = new LetterdayDB(`batch-dialog-${Math.random()}`);
	useDatabase(database);
});
afterEach(async () => {
	await database.delete();
});

const shown = () =>
	screen.getByRole('button', { name: /^Add one/ }).querySelector('.count')?.textContent;

describe('Add several', () => {
	it('refuses a number that is not a whole number from 1 to 500, then adds 12 at once', async () => {
		const user = userEvent.setup();
		render(TallyHarness);
		await user.click(screen.getByRole('button', { name: 'Add several' }));
		const dialog = screen.getByRole('dialog', { hidden: true });
		expect(dialog).toHaveAttribute('open');
		expect(screen.getByLabelText('Case')).toHaveValue('case-1');
		expect(screen.getByRole('radio', { name: 'Appeal letters' })).toBeChecked();
		const input = screen.getByLabelText('How many');
		for (const bad of ['2.5', '501']) {
			await user.clear(input);
			await user.type(input, bad);
			await user.click(screen.getByRole('button', { name: 'Add' }));
			expect(screen.getByText('Enter a whole number from 1 to 500.')).toBeInTheDocument();
			expect(input).toHaveAttribute('aria-invalid', 'true');
		}
		expect(await database.counters.count()).toBe(0);

		await user.clear(input);
		await user.type(input, '12{Enter}');
		await waitFor(() => expect(shown()).toBe('12'));
		expect(dialog).not.toHaveAttribute('open');
		expect(await database.counters.get(['event-a', 'case-1', 'letter'])).toMatchObject({
			plus: 12,
			minus: 0,
			rev: 1
		});
	}, 20_000);
});
