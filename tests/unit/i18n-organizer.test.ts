import { describe, expect, it } from 'vitest';
import type { Catalog, Message } from '$lib/shared/i18n/catalog';
import { organizerMessages } from '$lib/shared/i18n/organizer';

// Every area file, found by name, so an area left out of organizer.ts fails here.
const areas = Object.entries(
	import.meta.glob<Record<string, Catalog<string>>>('/src/lib/shared/i18n/organizer/*.ts', {
		eager: true
	})
).flatMap(([file, exports]) => Object.values(exports).map((catalog) => ({ file, catalog })));

const texts = (message: Message) =>
	typeof message === 'string' ? [message] : [message.one, message.other];

describe('organizer messages', () => {
	it('come from area files that are all in the combined catalog, each key in one area', () => {
		expect(areas.length).toBeGreaterThanOrEqual(3);
		const keys = areas.flatMap(({ catalog }) => Object.keys(catalog.en));
		expect(new Set(keys).size).toBe(keys.length);
		expect(Object.keys(organizerMessages.en).sort()).toEqual([...keys].sort());
	});

	it('have French for every English key, and no other', () => {
		for (const { file, catalog } of areas) {
			expect(Object.keys(catalog.fr).sort(), file).toEqual(Object.keys(catalog.en).sort());
		}
	});

	it('follow Canadian French typography: « », and a non-breaking space before : ; ! ?', () => {
		const problems: string[] = [];
		for (const [key, message] of Object.entries(organizerMessages.fr)) {
			for (const text of texts(message)) {
				// A colon in a URL or a time (14 h 30) is not punctuation; ours have none.
				if (/[^\u00a0\u202f][:;!?]/u.test(text.replace(/\{\w+\}/g, 'x'))) {
					problems.push(`${key}: no non-breaking space before : ; ! ? in "${text}"`);
				}
				if (/"|«(?!\u00a0)|(?<!\u00a0)»/u.test(text)) {
					problems.push(`${key}: quotes must be «\u00a0…\u00a0» in "${text}"`);
				}
				if (/\s{2,}|^\s|\s$/u.test(text)) problems.push(`${key}: stray spaces in "${text}"`);
			}
		}
		expect(problems).toEqual([]);
	});
});
