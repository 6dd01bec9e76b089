/**
 * Editorial rules for the bundled sample pack: it says it is a sample, never prints a postage
 * figure, follows Canadian French typography, keeps each sheet small, and points to the official
 * pack wherever it has no sourced address.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CasePack, Localized } from '$lib/shared/case-pack';
import { LOCALES } from '$lib/shared/domain';
import { localize } from '$lib/shared/case-pack-localize';
import samplePack from '$lib/server/case-pack/sample-pack.json';
import { parseCasePack } from '$lib/server/case-pack/validate';

const pack: CasePack = parseCasePack(samplePack, 'sample');

/** Every Localized in the pack, with a readable path. */
function allLocalized(): [string, Localized][] {
	const found: [string, Localized][] = [];
	const walk = (value: unknown, path: string): void => {
		if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
		else if (value && typeof value === 'object') {
			if ('en' in value && 'fr' in value) found.push([path, value as Localized]);
			else for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
		}
	};
	walk(pack, 'pack');
	return found;
}

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

describe('the sample pack says what it is', () => {
	it('has a notice naming it a sample, its compile date and the official pack', () => {
		expect(pack.notice.en).toMatch(/sample case pack/);
		expect(pack.notice.fr).toMatch(/trousse d’exemple/);
		for (const lang of LOCALES) {
			expect(pack.notice[lang]).toContain('2026-11-26');
			expect(pack.notice[lang]).toMatch(/official|officielle/);
		}
		expect(pack.notice.en).toContain('amnesty.ca');
		expect(pack.notice.fr).toContain('amnistie.ca');
	});

	it('sends people to Canada Post for the international rate and prints no figure', () => {
		expect(pack.postage.en).toContain('canadapost.ca');
		expect(pack.postage.fr).toContain('postescanada.ca');
		for (const lang of LOCALES) {
			expect(pack.postage[lang]).toMatch(/international/);
			expect(pack.postage[lang]).not.toMatch(/\d|\$|¢/);
		}
	});

	it('carries the general card and letter rules', () => {
		const rules = pack.generalSafety.map((rule) => rule.en).join('\n');
		for (const topic of [
			/short and personal/,
			/Never mention Amnesty International on cards/,
			/politics or the charges/,
			/Christmas or New Year.*end-of-year wishes/,
			/religious symbols/,
			/one large envelope/,
			/name and return address on the envelope/
		]) {
			expect(rules).toMatch(topic);
		}
	});
});

describe('typography', () => {
	it('follows Canadian French conventions: no-break spaces before : ; ! ? and inside « »', () => {
		const faults: string[] = [];
		for (const [path, { fr }] of allLocalized()) {
			const text = fr.replace(/https?:\/\//g, '');
			if (/[^\u00a0\u202f][;!?]/.test(text)) faults.push(`${path}.fr: ; ! ?`);
			if (/[^\u00a0\u202f]:/.test(text)) faults.push(`${path}.fr: colon`);
			if (/«[^\u00a0\u202f]|[^\u00a0\u202f]»/.test(text)) faults.push(`${path}.fr: « »`);
			if (/["']/.test(fr)) faults.push(`${path}.fr: straight quote`);
		}
		expect(faults).toEqual([]);
	});

	it('uses English quotation marks and apostrophes in English', () => {
		const faults = allLocalized()
			.filter(([, { en }]) => /["'«»\u00a0]/.test(en))
			.map(([path]) => path);
		expect(faults).toEqual([]);
	});
});

describe.each(pack.cases.map((sheet) => [sheet.id, sheet] as const))('case %s', (_id, sheet) => {
	it('has initials made from its name', () => {
		const initials = sheet.name
			.split(/\s+/)
			.map((word) => word[0]!.toUpperCase())
			.join('');
		expect(sheet.initials).toBe(initials);
	});

	it('tells a compact story in both languages', () => {
		for (const lang of LOCALES) {
			expect(words(sheet.story[lang]), lang).toBeGreaterThanOrEqual(60);
			expect(words(sheet.story[lang]), lang).toBeLessThanOrEqual(150);
			expect(sheet.summary[lang]).not.toContain('\n');
		}
	});

	it('signs the sample letter with placeholders and a respectful salutation', () => {
		expect(sheet.sampleLetter.en).toMatch(/^Dear [^\n]+,\n\n/);
		expect(sheet.sampleLetter.en.endsWith('\n[Your name], [Your city], Canada')).toBe(true);
		expect(sheet.sampleLetter.fr).toMatch(/^(Madame|Monsieur)[^\n]*,\n\n/);
		expect(sheet.sampleLetter.fr.endsWith('\n[Votre nom], [Votre ville], Canada')).toBe(true);
	});

	it('points to the official pack where it has no sourced address', () => {
		if (sheet.addressee === null) {
			expect(sheet.letterGuidance.en).toMatch(/official|resolved/);
			expect(sheet.letterGuidance.fr).toMatch(/officielle|résolu/);
		}
		if (sheet.solidarityAddress === null) {
			expect(sheet.solidarityGuidance.en).toMatch(/official|freed/);
			expect(sheet.solidarityGuidance.fr).toMatch(/officielle|libérée/);
		}
	});

	it('says a resolved case is resolved and not to post its old appeal', () => {
		if (!sheet.update?.en.startsWith('Resolved')) return;
		expect(sheet.update.fr).toMatch(/^Cas résolu/);
		expect(sheet.letterGuidance.en).toMatch(/do not post this appeal/);
		expect(sheet.letterGuidance.fr).toMatch(/Ne postez donc pas cet appel/);
		expect(sheet.ask.en).toMatch(/^The 20\d\d campaign/);
	});

	it('has safety notes, sources, and an Amnesty page as its online action', () => {
		expect(sheet.safety.length).toBeGreaterThan(0);
		expect(sheet.sources.length).toBeGreaterThan(0);
		if (sheet.onlineAction) {
			expect(new URL(sheet.onlineAction.url).hostname).toMatch(/(^|\.)(amnesty|amnistie)\./);
			expect(sheet.sources).toContain(sheet.onlineAction.url);
		}
		expect(sheet.photo).toBeUndefined();
	});

	it('fits a phone: one sheet with the pack texts is far below the 20 KB page budget', () => {
		for (const lang of LOCALES) {
			const data = JSON.stringify({
				notice: pack.notice[lang],
				postage: pack.postage[lang],
				generalSafety: pack.generalSafety.map((rule) => rule[lang]),
				sheet: localize(sheet, lang)
			});
			expect(gzipSync(data).length, lang).toBeLessThan(4_000);
		}
	});
});

it('holds at least eight cases with unique ids', () => {
	const ids = pack.cases.map((sheet) => sheet.id);
	expect(ids.length).toBeGreaterThanOrEqual(8);
	expect(new Set(ids).size).toBe(ids.length);
});
