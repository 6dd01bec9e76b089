/**
 * Shared by the participant page tests (server and e2e): what the sample pack says each page
 * must show, and the English UI strings a French page must never contain.
 */
import { samplePack } from '$lib/server/case-pack';
import { localizePack } from '$lib/shared/case-pack-localize';
import { LOCALES, type Locale } from '$lib/shared/domain';
import { participantMessages } from '$lib/shared/i18n/participant';
import type { Message } from '$lib/shared/i18n/catalog';

export { LOCALES };
export type { Locale };

/** The bundled sample in one language: what a server with a fresh DATA_DIR serves. */
export const packIn = (lang: Locale) => localizePack(samplePack(), lang);
export const caseIds = (): string[] => packIn('en').cases.map((c) => c.id);
export const other = (lang: Locale): Locale => (lang === 'en' ? 'fr' : 'en');

/** Text nodes as Svelte's server renderer escapes them. */
export const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const paragraphs = (text: string) =>
	text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);

const forms = (message: Message): string[] =>
	typeof message === 'string' ? [message] : [message.one, message.other];

/**
 * Literal pieces of every English participant message that French does not share (the same
 * word in both languages, such as "A4", is not an English leftover), placeholders cut out.
 */
export function englishOnlyFragments(): string[] {
	const french = new Set(Object.values(participantMessages.fr).flatMap(forms));
	const fragments = new Set<string>();
	for (const message of Object.values(participantMessages.en).flatMap(forms)) {
		if (french.has(message)) continue;
		for (const piece of message.split(/\{\w+\}/)) {
			const trimmed = piece.replace(/^[\s,.:;!?]+|[\s,.:;!?]+$/g, '');
			if (trimmed.length >= 4 && /\p{L}/u.test(trimmed)) fragments.add(trimmed);
		}
	}
	return [...fragments];
}

/** Heading levels in document order must start at 1, hold one h1 and never skip a level. */
export function headingProblems(levels: number[]): string[] {
	const problems: string[] = [];
	if (levels.filter((l) => l === 1).length !== 1) problems.push(`h1 count: ${levels.join(',')}`);
	if (levels[0] !== 1) problems.push(`first heading is h${levels[0]}`);
	levels.forEach((level, i) => {
		if (i > 0 && level > (levels[i - 1] ?? 0) + 1)
			problems.push(`h${levels[i - 1]} followed by h${level}`);
	});
	return problems;
}
