import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import StorageAlert from '$lib/components/StorageAlert.svelte';
import TallyControl from '$lib/components/TallyControl.svelte';
import { storageHealth } from '$lib/client/state/storage-health.svelte';

/** Wires the control to an in-memory count, as the event screen wires it to the tally repo. */
function setup(initial = 0) {
	const state = { count: initial };
	const result = render(TallyControl, {
		props: {
			kindLabel: 'Appeal letters',
			subject: 'Rita Karasartova',
			count: state.count,
			onAdd: async () => {
				state.count += 1;
				await result.rerender({ count: state.count });
			},
			onUndo: async () => {
				state.count = Math.max(0, state.count - 1);
				await result.rerender({ count: state.count });
			}
		}
	});
	return { state, result };
}

describe('TallyControl', () => {
	it('says the case, the kind and the count in its accessible name', () => {
		setup(3);
		expect(
			screen.getByRole('button', {
				name: 'Add one Appeal letters for Rita Karasartova; now 3'
			})
		).toBeInTheDocument();
	});

	it('updates its total on click (the event screen’s toast speaks it)', async () => {
		const user = userEvent.setup();
		setup(0);
		await user.click(screen.getByRole('button', { name: /Add one Appeal letters/ }));
		const add = screen.getByRole('button', { name: /Add one Appeal letters/ });
		expect(add).toHaveAccessibleName('Add one Appeal letters for Rita Karasartova; now 1');
		expect(add).toHaveTextContent('1');
	});

	it('updates its total from the keyboard (Enter and Space)', async () => {
		const user = userEvent.setup();
		setup(0);
		await user.tab();
		expect(screen.getByRole('button', { name: /Add one/ })).toHaveFocus();
		await user.keyboard('{Enter}');
		await user.keyboard(' ');
		expect(screen.getByRole('button', { name: /Add one/ })).toHaveAccessibleName(/now 2$/);
	});

	it('undoes one and disables undo at zero', async () => {
		const user = userEvent.setup();
		setup(1);
		const undo = screen.getByRole('button', { name: /Take one back/ });
		await user.click(undo);
		expect(screen.getByRole('button', { name: /Add one/ })).toHaveAccessibleName(/now 0$/);
		expect(undo).toBeDisabled();
	});

	it('shows an error in words when a count could not be saved', async () => {
		const user = userEvent.setup();
		vi.spyOn(console, 'error').mockImplementation(() => {});
		render(StorageAlert);
		render(TallyControl, {
			props: {
				kindLabel: 'Solidarity cards',
				subject: 'this event',
				count: 0,
				onAdd: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
				onUndo: async () => {}
			}
		});
		await user.click(screen.getByRole('button', { name: /Add one/ }));
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'That count was not saved. This device is out of storage space.'
		);
		storageHealth.writeSaved();
		vi.restoreAllMocks();
	});
});
