/**
 * One highlight in the list: its state in words, edit and delete only while unsent and not going
 * up, and a delete that asks once more with the focus on the button that confirms.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import HighlightItem from '../../src/routes/(host)/event/highlights/HighlightItem.svelte';
import type { HighlightView } from '$lib/client/repos/highlights';

const row: HighlightView = {
	id: 'h'.repeat(22),
	eventId: 'e'.repeat(22),
	kind: 'poem',
	body: 'Test poem for the suite\nline two',
	author: '',
	consent: 'organizers',
	createdAt: 1,
	updatedAt: 1,
	photoMeta: null,
	photo: null,
	state: 'unsent',
	announced: 0,
	received: 0,
	lastError: null,
	rev: 1
};

function renderItem(props: Partial<{ row: HighlightView; sending: number | null }> = {}) {
	const onDelete = vi.fn(async () => {});
	const onEdit = vi.fn();
	render(HighlightItem, { props: { row, sending: null, onEdit, onDelete, ...props } });
	return { onDelete, onEdit, user: userEvent.setup() };
}

const status = () => screen.getByTestId('highlight-status').textContent?.trim();

describe('highlight item', () => {
	it('asks once more before deleting, with the focus on the confirming button', async () => {
		const { onDelete, user } = renderItem();
		expect(status()).toBe('Waiting to send');
		expect(screen.getByText('Anonymous', { exact: false })).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Delete' }));
		expect(onDelete).not.toHaveBeenCalled();
		const confirm = screen.getByRole('button', { name: /^Delete this highlight: Poem/ });
		expect(confirm).toHaveFocus();
		await user.click(confirm);
		expect(onDelete).toHaveBeenCalledWith(row);
	});

	it('is read-only once sent', () => {
		renderItem({ row: { ...row, state: 'sent' } });
		expect(status()).toBe('Sent');
		expect(screen.queryByRole('button')).toBeNull();
	});

	it('shows the percent sent, and no edit or delete, while its photo is going up', () => {
		const photoMeta = {
			type: 'image/jpeg' as const,
			size: 1000,
			sha256: 'A'.repeat(43),
			width: 4,
			height: 3
		};
		renderItem({ row: { ...row, kind: 'photo', body: '', photoMeta }, sending: 400 });
		expect(status()).toBe('Sending: 40%');
		expect(screen.getByRole('progressbar')).toHaveAttribute('value', '40');
		expect(screen.queryByRole('button')).toBeNull();
	});

	it('says what a refusal means in words', () => {
		renderItem({ row: { ...row, lastError: 'highlight_conflict' } });
		expect(status()).toMatch(/already hold another version/);
	});
});
