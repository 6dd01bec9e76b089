/**
 * Rules of the case pack schema that case-pack.test.ts does not reach: the places where valibot's
 * defaults differ from what a pack editor should be told (every unknown key, one message per
 * field, lists counted before their entries are read).
 */
import { describe, expect, it } from 'vitest';
import type { CasePack } from '$lib/shared/case-pack';
import samplePack from '$lib/server/case-pack/sample-pack.json';
import { isSiteRootPath } from '$lib/server/case-pack/schema';
import { validateCasePack } from '$lib/server/case-pack/validate';

const sample = (): CasePack => structuredClone(samplePack) as unknown as CasePack;
const loose = (value: object): Record<string, unknown> => value as Record<string, unknown>;

function errorsOf(value: unknown): string[] {
	const result = validateCasePack(value);
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.errors;
}

describe('the case pack schema', () => {
	it('reports every unknown key, including those valibot skips, and an array for an object', () => {
		const pack = sample();
		Object.assign(loose(pack.cases[0]!.story), { de: 'x', es: 'y' });
		const proto = JSON.parse('{"__proto__": 1, "en": "a", "fr": "b"}') as unknown;
		loose(pack.cases[1]!).country = proto;
		loose(pack.cases[2]!).summary = ['a', 'b'];
		expect(errorsOf(pack)).toEqual([
			'case "rita-karasartova" (cases[0]): story.de: is not a field of this format (misspelt?)',
			'case "rita-karasartova" (cases[0]): story.es: is not a field of this format (misspelt?)',
			'case "rocky-myers" (cases[1]): country.__proto__: is not a field of this format (misspelt?)',
			'case "justyna-wydrzynska" (cases[2]): summary: must be an object, got an array'
		]);
	});

	it('gives one message per field, even when several rules fail', () => {
		const pack = sample();
		pack.cases[0]!.story.en = ' '.repeat(6000);
		pack.cases[0]!.year = 1899.5;
		expect(errorsOf(pack)).toEqual([
			'case "rita-karasartova" (cases[0]): year: must be a whole year from 2001 to 2027, got number 1899.5',
			'case "rita-karasartova" (cases[0]): story.en: must not be empty'
		]);
	});

	it('counts a list before reading its entries', () => {
		const pack = sample();
		pack.cases[0]!.solidarityAddress = Array.from({ length: 11 }, () => '');
		expect(errorsOf(pack)).toEqual([
			'case "rita-karasartova" (cases[0]): solidarityAddress: must have 1 to 10 lines, has 11'
		]);
		const many = Array.from({ length: 101 }, (_, i) => ({ ...pack.cases[1]!, id: `c${i}` }));
		expect(errorsOf({ ...pack, cases: many })).toEqual(['cases: has 101 cases; the limit is 100']);
	});

	it('reports a duplicate id first among its case’s problems, beside the other cases’', () => {
		const pack = sample();
		pack.cases[0]!.ask.fr = '';
		pack.cases[4]!.id = 'rita-karasartova';
		delete loose(pack.cases[4]!).safety;
		expect(errorsOf(pack)).toEqual([
			'case "rita-karasartova" (cases[0]): ask.fr: must not be empty',
			'case "rita-karasartova" (cases[4]): id: duplicates the id of cases[0]',
			'case "rita-karasartova" (cases[4]): safety: is missing'
		]);
	});

	it('bounds the campaign year loosely while the publication day is itself wrong', () => {
		const pack = sample();
		pack.published = '2026-13-01';
		pack.cases[0]!.year = 2102;
		expect(errorsOf(pack)).toEqual([
			'published: must be a real day written YYYY-MM-DD, got "2026-13-01"',
			'case "rita-karasartova" (cases[0]): year: must be a whole year from 2001 to 2101, got number 2102'
		]);
	});
});

describe('a case photo path', () => {
	const withPhoto = (src: string) => {
		const pack = sample();
		loose(pack.cases[0]!).photo = {
			src,
			width: 800,
			height: 600,
			alt: { en: 'A portrait', fr: 'Un portrait' }
		};
		return validateCasePack(pack);
	};

	it('accepts a path on this site and an https URL', () => {
		expect(withPhoto('/photos/rita.jpg').ok).toBe(true);
		expect(withPhoto('https://www.amnesty.ca/photo.jpg').ok).toBe(true);
	});

	it.each([
		'/\\evil.example/x.png',
		'//evil.example/x.png',
		'/\\/evil.example/x.png',
		'\\\\evil.example/x.png'
	])('refuses %s, which a browser resolves to another site', (src) => {
		const result = withPhoto(src);
		expect(result.ok).toBe(false);
		const errors = result.ok ? [] : result.errors;
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^case "rita-karasartova" \(cases\[0\]\): photo\.src: /);
	});

	it('resolves paths as a browser does', () => {
		expect(isSiteRootPath('/c/en')).toBe(true);
		expect(isSiteRootPath('/a\\b')).toBe(true);
		expect(isSiteRootPath('/\\evil.example')).toBe(false);
		expect(isSiteRootPath('//evil.example')).toBe(false);
		expect(isSiteRootPath('photos/x.png')).toBe(false);
	});
});
