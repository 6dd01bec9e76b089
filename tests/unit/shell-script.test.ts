/**
 * The host shell's inline script (src/lib/shared/shell-script.js), run against a fake document:
 * it must choose the language as the app does (src/lib/client/state/locale.svelte.ts: the stored
 * choice, else the browser's language) and hide only what the app will show differently.
 */
import { describe, expect, it } from 'vitest';
import { SHELL_SCRIPT } from '../../src/lib/shared/shell-script.js';

function run(
	stored: Record<string, string>,
	browserLanguage: string,
	pageLang = 'en'
): Record<string, string> {
	const attributes = new Map<string, string>();
	const documentElement = {
		lang: pageLang,
		setAttribute: (name: string, value: string) => attributes.set(name, value)
	};
	const localStorage = { getItem: (key: string) => stored[key] ?? null };
	new Function('document', 'localStorage', 'navigator', SHELL_SCRIPT)(
		{ documentElement },
		localStorage,
		{ language: browserLanguage }
	);
	return { lang: documentElement.lang, ...Object.fromEntries(attributes) };
}

describe('the host shell script', () => {
	it('leaves an English page alone for a host who reads English', () => {
		expect(run({}, 'en-CA')).toEqual({ lang: 'en' });
		expect(run({ 'letterday.lang': 'en' }, 'fr-CA')).toEqual({ lang: 'en' });
	});

	it('hides the English words from a host who chose French or whose browser speaks it', () => {
		const hidden = { lang: 'fr', 'data-shell-words': 'hidden' };
		expect(run({ 'letterday.lang': 'fr' }, 'en-US')).toEqual(hidden);
		expect(run({}, 'fr-CA')).toEqual(hidden);
		expect(run({ 'letterday.lang': 'de' }, 'FR')).toEqual(hidden);
	});

	it('puts the welcome away on a device that holds events or dismissed it', () => {
		expect(run({ 'letterday.has-events': '1' }, 'en')).toEqual({
			lang: 'en',
			'data-welcome': 'hidden'
		});
		expect(run({ 'letterday.welcome-dismissed': '1' }, 'en')['data-welcome']).toBe('hidden');
		expect(run({ 'letterday.has-events': '0' }, 'en')['data-welcome']).toBeUndefined();
	});

	it('does nothing, and throws nothing, where storage is refused', () => {
		const documentElement = { lang: 'en', setAttribute: () => undefined };
		const refused = {
			getItem: () => {
				throw new DOMException('denied', 'SecurityError');
			}
		};
		expect(() =>
			new Function('document', 'localStorage', 'navigator', SHELL_SCRIPT)(
				{ documentElement },
				refused,
				{ language: 'fr' }
			)
		).not.toThrow();
		expect(documentElement.lang).toBe('en');
	});
});
