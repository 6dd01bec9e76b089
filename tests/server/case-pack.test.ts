/**
 * The case pack's format: validation and localization. Content rules for the bundled sample live
 * in case-pack-sample.test.ts; publishing and serving in case-pack-publish.test.ts and
 * case-pack-serve.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Addressee, CasePack, LocalizedCaseSheet } from '$lib/shared/case-pack';
import { LOCALES } from '$lib/shared/domain';
import { localize, localizePack } from '$lib/shared/case-pack-localize';
import sampleJson from '$lib/server/case-pack/sample-pack.json';
import { validateCasePack } from '$lib/server/case-pack/validate';
import { samplePack } from '$lib/server/case-pack';

/** A fresh, mutable copy of the sample, typed loosely so tests can break it on purpose. */
const sample = (): CasePack => structuredClone(sampleJson) as unknown as CasePack;
type Loose = Record<string, unknown>;
const loose = (value: object): Loose => value as Loose;

function errorsOf(value: unknown): string[] {
	const result = validateCasePack(value);
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.errors;
}

describe('the sample pack', () => {
	it('validates', () => {
		const result = validateCasePack(sampleJson);
		expect(result.ok ? [] : result.errors).toEqual([]);
		expect(result.ok && result.pack.cases.length).toBeGreaterThanOrEqual(8);
	});

	it('is version 2026.1, published 2026-11-26, in format 1', () => {
		const pack = samplePack();
		expect([pack.format, pack.version, pack.published]).toEqual([1, '2026.1', '2026-11-26']);
		expect(pack.cases.map((sheet) => sheet.id)).toEqual(sampleJson.cases.map((sheet) => sheet.id));
	});
});

/** Collects every string in a value, with its path, to look for leftovers of the other language. */
function strings(value: unknown, path = ''): [string, string][] {
	if (typeof value === 'string') return [[path, value]];
	if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}[${i}]`));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
	}
	return [];
}

describe('localization', () => {
	for (const lang of LOCALES) {
		it(`gives every case in ${lang}, with no bilingual object left`, () => {
			const pack = samplePack();
			const localized = localizePack(pack, lang);
			expect(localized.lang).toBe(lang);
			expect(localized.cases).toHaveLength(pack.cases.length);
			const leftovers: string[] = [];
			JSON.stringify(localized, (key, value: unknown) => {
				if (value && typeof value === 'object' && 'en' in value && 'fr' in value) {
					leftovers.push(key);
				}
				return value;
			});
			expect(leftovers).toEqual([]);
			pack.cases.forEach((sheet, i) => {
				const out = localized.cases[i] as LocalizedCaseSheet;
				expect(out.id).toBe(sheet.id);
				expect(out.story).toBe(sheet.story[lang]);
				expect(out.sampleLetter).toBe(sheet.sampleLetter[lang]);
				expect(out.safety).toEqual(sheet.safety.map((note) => note[lang]));
				expect(out.update).toBe(sheet.update?.[lang]);
				for (const [path, text] of strings(out)) {
					expect(text.trim(), `${sheet.id}${path}`).not.toBe('');
				}
			});
			expect(localized.notice).toBe(pack.notice[lang]);
			expect(localized.generalSafety).toEqual(pack.generalSafety.map((note) => note[lang]));
		});
	}

	it('localizes an addressee and a photo, and leaves out what is absent', () => {
		const sheet = sample().cases[0]!;
		const addressee: Addressee = {
			name: 'A. Official',
			title: { en: 'Minister of Justice', fr: 'Ministre de la Justice' },
			salutation: { en: 'Dear Minister,', fr: 'Madame la Ministre,' },
			address: ['1 Main Street', 'Capital City']
		};
		sheet.addressee = addressee;
		sheet.photo = { src: '/photos/x.webp', width: 320, height: 320, alt: { en: 'A', fr: 'B' } };
		const fr = localize(sheet, 'fr');
		expect(fr.addressee).toEqual({
			name: 'A. Official',
			title: 'Ministre de la Justice',
			salutation: 'Madame la Ministre,',
			address: ['1 Main Street', 'Capital City']
		});
		expect(fr.photo).toEqual({ src: '/photos/x.webp', width: 320, height: 320, alt: 'B' });

		delete sheet.update;
		delete sheet.photo;
		sheet.addressee = { ...addressee };
		delete sheet.addressee.name;
		const en = localize(sheet, 'en');
		expect('update' in en).toBe(false);
		expect('photo' in en).toBe(false);
		expect(en.addressee && 'name' in en.addressee).toBe(false);
	});
});

describe('validation', () => {
	it('names the case and the field when a French text is missing or empty', () => {
		const pack = sample();
		delete loose(pack.cases[0]!.story).fr;
		pack.cases[1]!.summary.fr = '   ';
		expect(errorsOf(pack)).toEqual([
			'case "rita-karasartova" (cases[0]): story.fr: is missing',
			'case "rocky-myers" (cases[1]): summary.fr: must not be empty'
		]);
	});

	it('rejects a duplicate id, naming both places', () => {
		const pack = sample();
		pack.cases[3]!.id = 'rita-karasartova';
		expect(errorsOf(pack)).toEqual([
			'case "rita-karasartova" (cases[3]): id: duplicates the id of cases[0]'
		]);
	});

	it.each(['print', 'poster'])('rejects the id %j, which the participant pages use', (id) => {
		const pack = sample();
		pack.cases[2]!.id = id;
		expect(errorsOf(pack)).toEqual([
			`case "${id}" (cases[2]): id: "${id}" is reserved for the participant pages`
		]);
	});

	it.each(['Rita', 'rita_k', 'rita--k', '-rita', 'rita-', 'ríta', ''])(
		'rejects the id %j',
		(id) => {
			const pack = sample();
			pack.cases[2]!.id = id;
			const [error, ...rest] = errorsOf(pack);
			expect(rest).toEqual([]);
			expect(error).toMatch(
				id === '' ? /^\(cases\[2\]\): id: must not be empty$/ : /: id: must be/
			);
			if (id !== '') expect(error).toContain(`case ${JSON.stringify(id)} (cases[2])`);
		}
	);

	it('rejects URLs that are not https, in actions, sources and photos', () => {
		const pack = sample();
		pack.cases[0]!.onlineAction!.url = 'http://www.amnesty.ca/write-for-rights/';
		pack.cases[1]!.onlineAction!.url = 'amnesty.ca/somewhere';
		pack.cases[2]!.sources.push('javascript:alert(1)');
		pack.cases[3]!.photo = {
			src: '//cdn.example/x.jpg',
			width: 10,
			height: 10,
			alt: { en: 'a', fr: 'b' }
		};
		expect(errorsOf(pack)).toEqual([
			'case "rita-karasartova" (cases[0]): onlineAction.url: must use https, got "http://www.amnesty.ca/write-for-rights/"',
			'case "rocky-myers" (cases[1]): onlineAction.url: must be an absolute https:// URL, got "amnesty.ca/somewhere"',
			'case "justyna-wydrzynska" (cases[2]): sources[2]: must use https, got "javascript:alert(1)"',
			'case "maung-sawyeddollah" (cases[3]): photo.src: must be an absolute https:// URL, got "//cdn.example/x.jpg"'
		]);
	});

	it('rejects a pack with no cases, or with cases that are not an array', () => {
		expect(errorsOf({ ...sample(), cases: [] })).toEqual(['cases: must hold at least one case']);
		expect(errorsOf({ ...sample(), cases: {} })).toEqual([
			'cases: must be an array of case sheets, got an object'
		]);
	});

	it('rejects another format number, and a pack that is not an object', () => {
		expect(errorsOf({ ...sample(), format: 2 })).toEqual([
			'format: must be 1 (the only format this app reads), got number 2'
		]);
		expect(errorsOf([])).toEqual(['must be an object, got an array']);
		expect(errorsOf(null)).toEqual(['must be an object, got null']);
	});

	it('checks version, published and the pack-level texts', () => {
		const pack = loose(sample());
		delete pack.version;
		pack.published = '2026-02-30';
		pack.postage = { en: 'Check the rate.' };
		pack.generalSafety = [{ en: 'Short.', fr: '' }];
		expect(errorsOf(pack)).toEqual([
			'version: is missing',
			'published: must be a real day written YYYY-MM-DD, got "2026-02-30"',
			'postage.fr: is missing',
			'generalSafety[0].fr: must not be empty'
		]);
		expect(errorsOf({ ...sample(), published: '26/11/2026' })).toEqual([
			'published: must be a real day written YYYY-MM-DD, got "26/11/2026"'
		]);
	});

	it('checks addresses are arrays of non-empty lines', () => {
		const pack = sample();
		pack.cases[3]!.solidarityAddress = ['Maung Sawyeddollah', ' ', 'Sri Lanka'];
		loose(pack.cases[4]!).solidarityAddress = 'Somewhere, Canada';
		pack.cases[5]!.solidarityAddress = [];
		pack.cases[6]!.addressee = {
			title: { en: 'Minister', fr: 'Ministre' },
			salutation: { en: 'Dear Minister,', fr: '' },
			address: ['', 'Riyadh']
		};
		expect(errorsOf(pack)).toEqual([
			'case "maung-sawyeddollah" (cases[3]): solidarityAddress[1]: must not be empty',
			'case "wetsuweten" (cases[4]): solidarityAddress: must be an array of address lines, got string "Somewhere, Canada"',
			'case "maryia-kalesnikava" (cases[5]): solidarityAddress: must have 1 to 10 lines, has 0',
			'case "manahel-al-otaibi" (cases[6]): addressee.salutation.fr: must not be empty',
			'case "manahel-al-otaibi" (cases[6]): addressee.address[0]: must not be empty'
		]);
	});

	it('accepts a well-formed addressee, a photo, and null for "no update"', () => {
		const pack = sample();
		pack.cases[0]!.addressee = {
			title: { en: 'General Prosecutor', fr: 'Procureur général' },
			salutation: { en: 'Dear General Prosecutor,', fr: 'Madame, Monsieur,' },
			address: ['1 Example Street', 'Bishkek']
		};
		pack.cases[1]!.photo = {
			src: 'https://example.org/p.webp',
			width: 200,
			height: 240,
			alt: { en: 'Portrait', fr: 'Portrait' }
		};
		loose(pack.cases[2]!).update = null;
		const result = validateCasePack(pack);
		expect(result.ok ? [] : result.errors).toEqual([]);
		if (!result.ok) return;
		expect(result.pack.cases[0]!.addressee?.address).toEqual(['1 Example Street', 'Bishkek']);
		expect(result.pack.cases[1]!.photo?.width).toBe(200);
		expect('update' in result.pack.cases[2]!).toBe(false);
	});

	it('checks the year, the initials, required nulls and unknown fields', () => {
		const pack = sample();
		pack.cases[0]!.year = 1899;
		loose(pack.cases[1]!).year = '2023';
		pack.cases[2]!.year = 2030; // published 2026: next year's campaign at most
		pack.cases[3]!.initials = 'M S';
		delete loose(pack.cases[4]!).onlineAction;
		loose(pack.cases[5]!).sumary = pack.cases[5]!.summary;
		pack.cases[6]!.sources = [];
		expect(errorsOf(pack)).toEqual([
			'case "rita-karasartova" (cases[0]): year: must be a whole year from 2001 to 2027, got number 1899',
			'case "rocky-myers" (cases[1]): year: must be a whole year from 2001 to 2027, got string "2023"',
			'case "justyna-wydrzynska" (cases[2]): year: must be a whole year from 2001 to 2027, got number 2030',
			'case "maung-sawyeddollah" (cases[3]): initials: must not contain spaces',
			'case "wetsuweten" (cases[4]): onlineAction: is missing',
			'case "maryia-kalesnikava" (cases[5]): sumary: is not a field of this format (misspelt?)',
			'case "manahel-al-otaibi" (cases[6]): sources: must name at least one source'
		]);
	});

	it('labels a case without a usable id by its index only', () => {
		const pack = sample();
		delete loose(pack.cases[7]!).id;
		(pack.cases as unknown[]).push('not a case');
		expect(errorsOf(pack)).toEqual([
			'(cases[7]): id: is missing',
			`(cases[${pack.cases.length - 1}]): must be an object, got string "not a case"`
		]);
	});

	it('reports every problem at once rather than stopping at the first', () => {
		const pack = sample();
		pack.cases.forEach((sheet) => (sheet.ask.fr = ''));
		expect(errorsOf(pack)).toHaveLength(pack.cases.length);
	});

	it('returns a copy with nothing but the known fields', () => {
		const input = sample();
		const result = validateCasePack(input);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.pack).toEqual(input);
		expect(result.pack).not.toBe(input);
		expect(result.pack.cases[0]).not.toBe(input.cases[0]);
	});
});

describe('docs/case-pack.md', () => {
	it('shows an example that validates', () => {
		const doc = readFileSync(new URL('../../docs/case-pack.md', import.meta.url), 'utf8');
		const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
		expect(example).toBeDefined();
		const result = validateCasePack(JSON.parse(example!));
		expect(result.ok ? [] : result.errors).toEqual([]);
	});
});
