/** The screen shown instead of the host app when the database will not open, in both languages. */
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { locale } from '$lib/client/state/locale.svelte';
import StorageBlocked from '../../src/routes/(host)/StorageBlocked.svelte';

afterEach(() => locale.set('en'));

describe('StorageBlocked', () => {
	it('tells the host, in an alert, to open Letterday in a normal window or another browser', () => {
		render(StorageBlocked, { props: { problem: 'cannotOpen' } });
		const alert = screen.getByRole('alert');
		expect(alert).toHaveTextContent('Letterday can’t save anything in this browser');
		expect(alert).toHaveTextContent(
			'This browser won’t let Letterday save anything here (private browsing does this). Open Letterday in a normal window or another browser before counting.'
		);
		expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
			'Letterday can’t save anything in this browser'
		);
		expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
	});

	it('says it in French', () => {
		locale.set('fr');
		render(StorageBlocked, { props: { problem: 'cannotOpen' } });
		expect(screen.getByRole('alert')).toHaveTextContent(
			'Ce navigateur ne permet pas à Letterday d’enregistrer quoi que ce soit ici (la navigation privée fait cela).'
		);
		expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
	});

	it('asks for space when the disk is full at start', () => {
		render(StorageBlocked, { props: { problem: 'quota' } });
		expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
			'This device is out of storage space'
		);
		expect(screen.getByRole('alert')).toHaveTextContent('Free some space (delete photos or apps)');
	});
});
