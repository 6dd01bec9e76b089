/**
 * The case pack: validation of the format, the loader's keep-the-old-pack rule, localization and
 * GET /api/cases. Content rules for the bundled sample live in case-pack-sample.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
	Addressee,
	CasePack,
	LocalizedCasePack,
	LocalizedCaseSheet
} from '$lib/shared/case-pack';
import { LOCALES } from '$lib/shared/domain';
import { localize, localizePack } from '$lib/shared/case-pack-localize';
import samplePack from '$lib/server/case-pack/sample-pack.json';
import { validateCasePack } from '$lib/server/case-pack/validate';
import { getCase, getCasePack, loadCasePack, localizedPack } from '$lib/server/case-pack';
import { GET } from '../../src/routes/api/cases/+server';

/** A fresh, mutable copy of the sample, typed loosely so tests can break it on purpose. */
const sample = (): CasePack => structuredClone(samplePack) as unknown as CasePack;
type Loose = Record<string, unknown>;
const loose = (value: object): Loose => value as Loose;

function errorsOf(value: unknown): string[] {
	const result = validateCasePack(value);
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.errors;
}

const dir = mkdtempSync(join(tmpdir(), 'letterday-case-pack-'));
let fileCount = 0;
function writePack(content: unknown): string {
	const file = join(dir, `pack-${++fileCount}.json`);
	writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
	return file;
}

const savedEnv = process.env.CASE_PACK_FILE;
beforeEach(() => {
	delete process.env.CASE_PACK_FILE;
	loadCasePack();
});
afterEach(() => {
	if (savedEnv === undefined) delete process.env.CASE_PACK_FILE;
	else process.env.CASE_PACK_FILE = savedEnv;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the sample pack', () => {
	it('validates', () => {
		const result = validateCasePack(samplePack);
		expect(result.ok ? [] : result.errors).toEqual([]);
		expect(result.ok && result.pack.cases.length).toBeGreaterThanOrEqual(8);
	});

	it('is version 2026.1, published 2026-11-26, in format 1', () => {
		const pack = getCasePack();
		expect([pack.format, pack.version, pack.published]).toEqual([1, '2026.1', '2026-11-26']);
	});

	it('is what the loader serves when CASE_PACK_FILE is unset', () => {
		expect(getCasePack().cases.map((sheet) => sheet.id)).toEqual(
			samplePack.cases.map((sheet) => sheet.id)
		);
		expect(getCase('rita-karasartova')?.name).toBe('Rita Karasartova');
		expect(getCase('nobody')).toBeUndefined();
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
			const pack = getCasePack();
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

describe('loading a pack', () => {
	function renamed(version: string): CasePack {
		return { ...sample(), version };
	}

	it('loads the file named by the argument or by CASE_PACK_FILE', () => {
		expect(loadCasePack(writePack(renamed('test.1'))).version).toBe('test.1');
		process.env.CASE_PACK_FILE = writePack(renamed('test.2'));
		expect(loadCasePack().version).toBe('test.2');
		expect(getCasePack().version).toBe('test.2');
	});

	it('keeps the old pack when a reload fails, and says why', () => {
		loadCasePack(writePack(renamed('test.3')));
		const bad = sample();
		bad.cases[0]!.story.fr = '';
		bad.cases[1]!.id = 'rita-karasartova';
		const file = writePack(bad);
		expect(() => loadCasePack(file)).toThrowError(
			[
				`Invalid case pack (${file}), 2 problems:`,
				'  - case "rita-karasartova" (cases[0]): story.fr: must not be empty',
				'  - case "rita-karasartova" (cases[1]): id: duplicates the id of cases[0]'
			].join('\n')
		);
		expect(getCasePack().version).toBe('test.3');
	});

	it('rejects a malformed JSON file and a missing file, keeping the old pack', () => {
		loadCasePack(writePack(renamed('test.4')));
		const broken = writePack('{ "format": 1, "cases": [ }');
		expect(() => loadCasePack(broken)).toThrowError(/^Invalid case pack \(.*\): not valid JSON: /);
		expect(() => loadCasePack(join(dir, 'missing.json'))).toThrowError(
			/^Cannot read case pack file .*missing\.json: ENOENT/
		);
		process.env.CASE_PACK_FILE = broken;
		expect(() => loadCasePack()).toThrowError(/not valid JSON/);
		expect(getCasePack().version).toBe('test.4');
	});

	it('accepts a file that starts with a byte-order mark', () => {
		const file = writePack('\uFEFF' + JSON.stringify(renamed('test.bom')));
		expect(loadCasePack(file).version).toBe('test.bom');
	});
});

describe('localizedPack', () => {
	it('is computed once per language and pack, with a strong ETag of the body', () => {
		const en = localizedPack('en');
		const fr = localizedPack('fr');
		expect(localizedPack('en')).toBe(en);
		expect(en.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
		expect(en.etag).not.toBe(fr.etag);
		expect(JSON.parse(en.body)).toEqual(en.pack);
		expect((JSON.parse(fr.body) as LocalizedCasePack).lang).toBe('fr');
	});

	it('changes after a reload, even with the same version, when the content changes', () => {
		const before = localizedPack('en');
		const changed = sample();
		changed.cases[0]!.summary.en = 'Changed summary.';
		loadCasePack(writePack(changed));
		const after = localizedPack('en');
		expect(after).not.toBe(before);
		expect(after.etag).not.toBe(before.etag);
		expect(after.pack.cases[0]!.summary).toBe('Changed summary.');
	});
});

describe('GET /api/cases', () => {
	function get(query: string, headers: Record<string, string> = {}): Promise<Response> {
		const url = new URL(`http://x/api/cases${query}`);
		const event = { url, request: new Request(url, { headers }) };
		return Promise.resolve(GET(event as unknown as Parameters<typeof GET>[0]));
	}

	it('answers 200 with the pack in the asked language, an ETag and no-cache', async () => {
		const response = await get('?lang=fr');
		expect(response.status).toBe(200);
		expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
		expect(response.headers.get('Cache-Control')).toBe('no-cache');
		expect(response.headers.get('ETag')).toBe(localizedPack('fr').etag);
		const body = (await response.json()) as LocalizedCasePack;
		expect(body.lang).toBe('fr');
		expect(body.version).toBe('2026.1');
		expect(body.cases[0]!.country).toBe('Kirghizistan');
	});

	it('answers 304 with no body when If-None-Match holds the current ETag', async () => {
		const { etag } = localizedPack('en');
		for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
			const response = await get('?lang=en', { 'If-None-Match': header });
			expect(response.status, header).toBe(304);
			expect(response.headers.get('ETag')).toBe(etag);
			expect(await response.text()).toBe('');
		}
	});

	it('answers 200 when If-None-Match holds a stale or other-language ETag', async () => {
		const response = await get('?lang=en', { 'If-None-Match': localizedPack('fr').etag });
		expect(response.status).toBe(200);
		expect(((await response.json()) as LocalizedCasePack).lang).toBe('en');
	});

	it.each(['', '?lang=', '?lang=de', '?lang=EN', '?language=fr'])(
		'answers 400 bad_lang for %j',
		async (query) => {
			const response = await get(query);
			expect(response.status).toBe(400);
			const body = (await response.json()) as { error: { code: string; message: string } };
			expect(body.error.code).toBe('bad_lang');
			expect(body.error.message).toMatch(/"en" or "fr"/);
		}
	);

	it('answers 503 when the configured pack cannot be loaded', async () => {
		vi.resetModules();
		process.env.CASE_PACK_FILE = writePack('not json');
		const fresh = await import('../../src/routes/api/cases/+server');
		const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
		const url = new URL('http://x/api/cases?lang=en');
		const response = await fresh.GET({ url, request: new Request(url) } as unknown as Parameters<
			typeof GET
		>[0]);
		quiet.mockRestore();
		expect(response.status).toBe(503);
		expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
			'case_pack_unavailable'
		);
	});
});
