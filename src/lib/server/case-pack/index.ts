/**
 * The case pack the server hands out. It comes from the file named by CASE_PACK_FILE, or else
 * the bilingual sample bundled with the app, and is validated before it replaces anything: a
 * reload that fails throws and leaves the previous pack in place.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CasePack, CaseSheet, LocalizedCasePack } from '$lib/shared/case-pack';
import { localize, localizePack } from '$lib/shared/case-pack-localize';
import type { Locale } from '$lib/shared/domain';
// Imported rather than read from disk so the sample travels inside the server bundle.
import samplePack from './sample-pack.json';
import { CasePackError, parseCasePack } from './validate';

export { localize };
export { CasePackError, formatIssue, validateCasePack } from './validate';
export type { CasePackIssue, CasePackValidation } from './validate';

export interface LocalizedPackResponse {
	pack: LocalizedCasePack;
	/** A strong ETag: the quoted SHA-256 of `body`. */
	etag: string;
	/** The JSON text served by GET /api/cases. */
	body: string;
}

let current: CasePack | undefined;
// Keyed by the pack object, so a reload (even one that keeps the version string) starts afresh.
const localizedCache = new WeakMap<CasePack, Map<Locale, LocalizedPackResponse>>();

/**
 * Reads, validates and installs a pack: `path`, else the file in CASE_PACK_FILE, else the bundled
 * sample. Throws an Error listing every problem and keeps the pack already loaded, if any.
 */
export function loadCasePack(path?: string): CasePack {
	const file = path || process.env.CASE_PACK_FILE;
	const pack = file ? readPackFile(file) : parseCasePack(samplePack, 'built-in sample pack');
	current = pack;
	return pack;
}

/** The current pack, loaded on first use. */
export function getCasePack(): CasePack {
	return current ?? loadCasePack();
}

export function getCase(id: string): CaseSheet | undefined {
	return getCasePack().cases.find((sheet) => sheet.id === id);
}

/** The current pack in one language, with its JSON body and ETag, computed once per pack. */
export function localizedPack(lang: Locale): LocalizedPackResponse {
	const pack = getCasePack();
	let byLang = localizedCache.get(pack);
	if (!byLang) {
		byLang = new Map();
		localizedCache.set(pack, byLang);
	}
	let entry = byLang.get(lang);
	if (!entry) {
		const localized = localizePack(pack, lang);
		const body = JSON.stringify(localized);
		const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
		entry = { pack: localized, etag, body };
		byLang.set(lang, entry);
	}
	return entry;
}

function readPackFile(file: string): CasePack {
	const source = resolve(file);
	let text: string;
	try {
		text = readFileSync(source, 'utf8');
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new CasePackError(`Cannot read case pack file ${source}: ${reason}`);
	}
	let value: unknown;
	try {
		// Editors on Windows like to start UTF-8 files with a byte-order mark.
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		const issue = { caseIndex: null, caseId: null, path: '', message: `not valid JSON: ${reason}` };
		throw new CasePackError(`Invalid case pack (${source}): not valid JSON: ${reason}`, [issue]);
	}
	return parseCasePack(value, source);
}
