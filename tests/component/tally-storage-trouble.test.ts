/**
 * A tap that the device cannot store: the control says so in the host's language, in an alert,
 * keeps showing the committed count, leaves what was saved alone, and works again once the
 * fault is gone. The control runs against the real tally repo on fake-indexeddb, through a live
 * query, as on the event screen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { LetterdayDB, useDatabase } from '$lib/client/db/database';
import { locale } from '$lib/client/state/locale.svelte';
import { storageHealth } from '$lib/client/state/storage-health.svelte';
import TallyHarness from './TallyHarness.svelte';

const realPut = IDBObjectStore.prototype.put;
let database: LetterdayDB;

beforeEach(() => {
	database = new LetterdayDB(`tally-trouble-${Math.random()}`);
	useDatabase(database);
	// The control logs each failure for whoever debugs the device; keep the test output quiet.
	vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
	vi.restoreAllMocks();
	storageHealth.writeSaved();
	IDBObjectStore.prototype.put = realPut;
	locale.set('en');
	await database.delete();
});

/** The next counter write fails the way a full disk makes it fail. */
function fillTheDisk() {
	IDBObjectStore.prototype.put = function () {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	};
}

const addButton = () => screen.getByRole('button', { name: /^(Add one|Ajouter un)/ });
const shown = () => addButton().querySelector('.count')?.textContent;

async function countThree(user: ReturnType<typeof userEvent.setup>) {
	for (let i = 1; i <= 3; i++) {
		await user.click(addButton());
		await waitFor(() => expect(shown()).toBe(String(i)));
	}
}

const stored = async () => (await database.counters.get(['event-a', 'case-1', 'letter']))?.plus;

describe('a tap the device cannot store', () => {
	it('says the disk is full and what to do, in English, and keeps the earlier counts', async () => {
		const user = userEvent.setup();
		render(TallyHarness);
		await countThree(user);

		fillTheDisk();
		await user.click(addButton());
		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent(
			'That count was not saved. This device is out of storage space. Your earlier counts are safe. Free some space (delete photos or apps), or save a backup from Device status, then tap again.'
		);
		expect(screen.getByRole('link', { name: 'Device status' })).toHaveAttribute('href', '/status');
		// A second failure in a row is a new alert, so a screen reader says it again.
		const first = screen.getByRole('alert');
		expect(shown()).toBe('3');
		expect(addButton()).toHaveAccessibleName(/now 3$/);
		expect(await stored()).toBe(3);

		// Undo fails the same way and takes nothing back.
		await user.click(screen.getByRole('button', { name: /Take one back/ }));
		await waitFor(() => expect(screen.getByRole('alert')).not.toBe(first));
		expect(screen.getByRole('alert')).toHaveTextContent('This device is out of storage space.');
		expect(await stored()).toBe(3);

		// Space freed: the same button counts again and the message goes.
		IDBObjectStore.prototype.put = realPut;
		await user.click(addButton());
		await waitFor(() => expect(shown()).toBe('4'));
		expect(screen.queryByRole('alert')).toBeNull();
		expect(await stored()).toBe(4);
	});

	it('says it in French on a French screen', async () => {
		locale.set('fr');
		const user = userEvent.setup();
		render(TallyHarness);
		await countThree(user);

		fillTheDisk();
		await user.click(addButton());
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Ce décompte n’a pas été enregistré. Cet appareil n’a plus d’espace de stockage. Vos décomptes précédents sont en sécurité. Libérez de l’espace (supprimez des photos ou des applications) ou enregistrez une sauvegarde depuis État de l’appareil, puis touchez de nouveau.'
		);
		expect(screen.getByRole('link', { name: 'État de l’appareil' })).toBeInTheDocument();
		expect(shown()).toBe('3');
		expect(await stored()).toBe(3);
		await user.click(screen.getByRole('button', { name: 'Masquer le message' }));
		expect(screen.queryByRole('alert')).toBeNull();
	});

	it('keeps a batch in its field when it fails, so sending it again retries it', async () => {
		const user = userEvent.setup();
		render(TallyHarness);
		await countThree(user);
		await user.click(screen.getByRole('button', { name: 'Add several' }));
		const input = screen.getByLabelText('How many');
		await user.type(input, '12');

		fillTheDisk();
		await user.click(screen.getByRole('button', { name: 'Add' }));
		await screen.findByRole('alert');
		expect(input).toHaveValue('12');
		expect(shown()).toBe('3');

		IDBObjectStore.prototype.put = realPut;
		await user.click(screen.getByRole('button', { name: 'Add' }));
		await waitFor(() => expect(shown()).toBe('15'));
		expect(input).toHaveValue('');
		expect(await stored()).toBe(15);
	});

	it('tells a browser that refuses storage to go elsewhere, and anything else to tap again', async () => {
		const user = userEvent.setup();
		render(TallyHarness);
		await countThree(user);

		// A write after the database failed to open comes wrapped in Dexie's OpenFailedError.
		IDBObjectStore.prototype.put = function () {
			throw new Dexie.OpenFailedError(new DOMException('refused', 'InvalidStateError'));
		};
		await user.click(addButton());
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'This browser won’t let Letterday save anything here (private browsing does this).'
		);

		IDBObjectStore.prototype.put = function () {
			throw new TypeError('something unexpected');
		};
		await user.click(addButton());
		await waitFor(() =>
			expect(screen.getByRole('alert')).toHaveTextContent(
				'That count was not saved. Something went wrong while saving. Your earlier counts are safe. Tap again; if it keeps failing, reload the page.'
			)
		);
		expect(shown()).toBe('3');
	});
});
