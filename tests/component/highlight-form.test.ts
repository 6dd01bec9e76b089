/**
 * The highlight form: consent has no default and is required; a refused submit lists each
 * problem in the error summary (which takes focus) and saves nothing; line breaks are kept.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import HighlightForm from '../../src/routes/(host)/event/highlights/HighlightForm.svelte';
import { checkDraft } from '$lib/client/highlights/draft';

function renderForm() {
	const onSave = vi.fn(async () => {});
	const onCancel = vi.fn();
	render(HighlightForm, {
		props: {
			title: 'New words',
			initial: { kind: 'quote', body: '', author: '', anonymous: false, consent: '' },
			onSave,
			onCancel
		}
	});
	return { onSave, user: userEvent.setup() };
}

describe('highlight form', () => {
	it('refuses a submit without consent, words or a name, and says why', async () => {
		const { onSave, user } = renderForm();
		const publish = screen.getByRole('radio', { name: 'May be published by the organizers' });
		const organizers = screen.getByRole('radio', { name: 'For the organizers only' });
		expect(publish).not.toBeChecked();
		expect(organizers).not.toBeChecked();

		await user.click(screen.getByRole('button', { name: 'Save' }));
		expect(onSave).not.toHaveBeenCalled();
		const summary = screen.getByRole('alert');
		expect(summary).toHaveFocus();
		expect(
			within(summary)
				.getAllByRole('listitem')
				.map((item) => item.textContent?.trim())
		).toEqual([
			'Write the words of the quote or poem',
			'Give a first name, or choose Anonymous',
			'Choose whether the organizers may publish it'
		]);

		await user.click(screen.getByRole('radio', { name: 'Poem' }));
		await user.type(screen.getByLabelText('The words'), 'Test line one{Enter}Test line two');
		await user.click(screen.getByRole('checkbox', { name: 'Anonymous: no name' }));
		// Still no consent: still refused, and only that is left to fix.
		await user.click(screen.getByRole('button', { name: 'Save' }));
		expect(onSave).not.toHaveBeenCalled();
		expect(
			within(screen.getByRole('alert'))
				.getAllByRole('listitem')
				.map((item) => item.textContent?.trim())
		).toEqual(['Choose whether the organizers may publish it']);

		await user.click(organizers);
		await user.click(screen.getByRole('button', { name: 'Save' }));
		expect(onSave).toHaveBeenCalledWith({
			kind: 'poem',
			body: 'Test line one\nTest line two',
			author: '',
			consent: 'organizers'
		});
	});
});

describe('checkDraft', () => {
	const base = { kind: 'poem' as const, body: 'Test words', author: 'Ana', anonymous: false };

	it('needs a consent chosen, and refuses control characters but keeps tabs and line breaks', () => {
		expect(checkDraft({ ...base, consent: '' })).toEqual({
			ok: false,
			errors: { consent: 'hlConsentMissing' }
		});
		expect(checkDraft({ ...base, body: 'a\u0007b', consent: 'publish' })).toMatchObject({
			ok: false,
			errors: { body: 'hlNoControl' }
		});
		expect(checkDraft({ ...base, body: ' a\r\n\tb ', consent: 'publish' })).toEqual({
			ok: true,
			value: { kind: 'poem', body: 'a\n\tb', author: 'Ana', consent: 'publish' }
		});
	});

	it('lets a photo go without a caption, never words without words', () => {
		const photo = { ...base, kind: 'photo' as const, body: '', consent: 'publish' as const };
		expect(checkDraft(photo).ok).toBe(true);
		expect(checkDraft({ ...photo, kind: 'quote' }).ok).toBe(false);
	});
});
