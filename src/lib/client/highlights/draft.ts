/**
 * What a host types for a highlight, checked with the rules the server applies
 * (`$lib/shared/highlight-wire`), so a highlight the device keeps is one the server takes.
 * Pure: the form shows the problems, the repo refuses a draft that has any.
 */
import { hasControlCharacter } from '$lib/shared/event-details';
import {
	HIGHLIGHT_CONSENTS,
	MAX_HIGHLIGHT_AUTHOR,
	MAX_HIGHLIGHT_BODY,
	type HighlightConsent,
	type HighlightKind
} from '$lib/shared/highlight-wire';

export interface HighlightDraft {
	kind: HighlightKind;
	body: string;
	/** '' when `anonymous` is chosen. */
	author: string;
	anonymous: boolean;
	/** '' until the host chooses: there is no default. */
	consent: HighlightConsent | '';
}

/** Each problem's name is also its message's key (i18n/host/highlights.ts). */
export type DraftProblem =
	| 'hlBodyMissing'
	| 'hlBodyTooLong'
	| 'hlAuthorMissing'
	| 'hlAuthorTooLong'
	| 'hlNoControl'
	| 'hlConsentMissing';

export type DraftErrors = Partial<Record<'body' | 'author' | 'consent', DraftProblem>>;

export interface CleanDraft {
	kind: HighlightKind;
	body: string;
	author: string;
	consent: HighlightConsent;
}

export type DraftCheck = { ok: true; value: CleanDraft } | { ok: false; errors: DraftErrors };

export function checkDraft(draft: HighlightDraft): DraftCheck {
	const errors: DraftErrors = {};
	// Tabs and line breaks are a poem's own; anything else invisible is refused, as on the server.
	const body = draft.body.replace(/\r\n?/g, '\n').trim();
	if (draft.kind !== 'photo' && body === '') errors.body = 'hlBodyMissing';
	else if ([...body].length > MAX_HIGHLIGHT_BODY) errors.body = 'hlBodyTooLong';
	else if (hasControlCharacter(body.replace(/[\n\t]/g, ' '))) errors.body = 'hlNoControl';
	const author = draft.anonymous ? '' : draft.author.trim();
	if (!draft.anonymous && author === '') errors.author = 'hlAuthorMissing';
	else if ([...author].length > MAX_HIGHLIGHT_AUTHOR) errors.author = 'hlAuthorTooLong';
	else if (hasControlCharacter(author)) errors.author = 'hlNoControl';
	const consent = draft.consent;
	if (!(HIGHLIGHT_CONSENTS as readonly string[]).includes(consent)) {
		errors.consent = 'hlConsentMissing';
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		value: { kind: draft.kind, body, author, consent: consent as HighlightConsent }
	};
}
