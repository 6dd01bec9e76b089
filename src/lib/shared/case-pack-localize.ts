/**
 * Picks one language out of the bilingual case pack. Pure and isomorphic: the server answers
 * GET /api/cases with it, and the participant pages and the host app can use it too.
 *
 * Written field by field rather than by walking the object, so that adding a field to CaseSheet
 * fails to compile here until someone decides how it is localized.
 */
import type {
	CasePack,
	CaseSheet,
	Localized,
	LocalizedCasePack,
	LocalizedCaseSheet
} from './case-pack';
import type { Locale } from './domain';

export function localize(sheet: CaseSheet, lang: Locale): LocalizedCaseSheet {
	const t = (text: Localized): string => text[lang];
	const { addressee, photo, onlineAction } = sheet;
	const localized: LocalizedCaseSheet = {
		id: sheet.id,
		name: sheet.name,
		country: t(sheet.country),
		year: sheet.year,
		initials: sheet.initials,
		summary: t(sheet.summary),
		story: t(sheet.story),
		ask: t(sheet.ask),
		addressee: addressee && {
			...(addressee.name === undefined ? {} : { name: addressee.name }),
			title: t(addressee.title),
			salutation: t(addressee.salutation),
			address: [...addressee.address]
		},
		letterGuidance: t(sheet.letterGuidance),
		sampleLetter: t(sheet.sampleLetter),
		solidarityAddress: sheet.solidarityAddress && [...sheet.solidarityAddress],
		solidarityGuidance: t(sheet.solidarityGuidance),
		safety: sheet.safety.map(t),
		onlineAction: onlineAction && { url: onlineAction.url, label: t(onlineAction.label) },
		sources: [...sheet.sources]
	};
	if (photo) {
		localized.photo = {
			src: photo.src,
			width: photo.width,
			height: photo.height,
			alt: t(photo.alt)
		};
	}
	if (sheet.update) localized.update = t(sheet.update);
	return localized;
}

export function localizePack(pack: CasePack, lang: Locale): LocalizedCasePack {
	return {
		lang,
		format: pack.format,
		version: pack.version,
		published: pack.published,
		notice: pack.notice[lang],
		postage: pack.postage[lang],
		generalSafety: pack.generalSafety.map((note) => note[lang]),
		cases: pack.cases.map((sheet) => localize(sheet, lang))
	};
}
