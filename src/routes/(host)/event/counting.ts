/** The event screen's words and the small pure helpers its parts share. */
import { screenT } from '$lib/client/state/t';
import { intlLocale } from '$lib/shared/i18n/catalog';
import { countingMessages } from '$lib/shared/i18n/host/counting';
import type { CounterKind, Locale } from '$lib/shared/domain';

/** The host's words plus the event screen's own area, which loads with this screen only. */
export const ct = screenT(countingMessages);

/** A control's second line once another table has synced ("58 in all"); none before. */
export const allNote = (all: number | undefined) =>
	all === undefined ? undefined : ct('cellAll', { count: all });

/** For search: "Wydrzyńska" is found by "wydrzynska", "Wet’suwet’en" by "wetsuweten". */
export const fold = (text: string) =>
	text
		.normalize('NFD')
		.replace(/[\p{M}’'\s-]/gu, '')
		.toLowerCase();

/** "Rocky Myers" → "RM"; "Wet’suwet’en" → "W". Letters only, at most two. */
export function initials(name: string): string {
	const words = name.split(/\s+/).filter((word) => /\p{L}/u.test(word));
	const first = words[0]?.match(/\p{L}/u)?.[0] ?? '';
	const last = words.length > 1 ? (words.at(-1)?.match(/\p{L}/u)?.[0] ?? '') : '';
	return (first + last).toUpperCase();
}

/** A time of day without its zone ("5:03 p.m.", « 17 h 03 »): the summary line is short. */
export const shortTime = (epochMs: number, locale: Locale) =>
	new Intl.DateTimeFormat(intlLocale(locale), { hour: 'numeric', minute: '2-digit' }).format(
		new Date(epochMs)
	);

/** What the toast says and what its Undo takes back. */
export interface Confirmation {
	/** Bumped on every new confirmation, so the same text twice is still a new message. */
	id: number;
	caseId: string;
	kind: CounterKind;
	subject: string;
	count: number;
	/** This device's total for the key after the change. */
	total: number;
	batch: boolean;
	undone: boolean;
}

/** One row of the grid: a case of the pack, or a retired one. */
export interface CaseItem {
	id: string;
	name: string;
	country?: string;
	photo?: { src: string };
	/** False for a retired case: no sheet on the device to link to. */
	sheet: boolean;
}
