import { describe, expect, it } from 'vitest';
import { defineMessages, formatDay, translate } from '$lib/shared/i18n/catalog';

const catalog = defineMessages(
	{ hello: 'Hello {name}', letters: { one: '{count} letter', other: '{count} letters' } },
	{ hello: 'Bonjour {name}', letters: { one: '{count} lettre', other: '{count} lettres' } }
);

describe('translate', () => {
	it('fills placeholders in the chosen language', () => {
		expect(translate(catalog, 'fr', 'hello', { name: 'Ana' })).toBe('Bonjour Ana');
		expect(translate(catalog, 'en', 'hello', { name: 'Ana' })).toBe('Hello Ana');
	});

	it('chooses plural forms by the rules of each language', () => {
		expect(translate(catalog, 'en', 'letters', { count: 1 })).toBe('1 letter');
		expect(translate(catalog, 'en', 'letters', { count: 0 })).toBe('0 letters');
		// French treats 0 and 1 as singular.
		expect(translate(catalog, 'fr', 'letters', { count: 0 })).toBe('0 lettre');
		expect(translate(catalog, 'fr', 'letters', { count: 2 })).toBe('2 lettres');
	});

	it('formats numbers with Canadian conventions', () => {
		expect(translate(catalog, 'en', 'letters', { count: 1234 })).toBe('1,234 letters');
		expect(translate(catalog, 'fr', 'letters', { count: 1234 })).toMatch(/^1\s234 lettres$/u);
	});

	it('formats a day without shifting it across time zones', () => {
		expect(formatDay('2026-12-10', 'en')).toBe('December 10, 2026');
		expect(formatDay('2026-12-10', 'fr')).toBe('10 décembre 2026');
	});
});
