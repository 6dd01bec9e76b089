/**
 * Where a pack's text comes from before it is published: an organizer's upload, the file named
 * by CASE_PACK_FILE, or the bilingual sample bundled with the app (seeded at first start).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CasePack } from '$lib/shared/case-pack';
// Imported rather than read from disk so the sample travels inside the server bundle.
import sampleJson from './sample-pack.json';
import { CasePackError, parseCasePack, type CasePackIssue } from './validate';

export type ParsedJson = { ok: true; value: unknown } | { ok: false; issue: CasePackIssue };

/** JSON.parse that tolerates a byte-order mark (editors on Windows like to write one). */
export function parsePackJson(text: string): ParsedJson {
	try {
		return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return {
			ok: false,
			issue: { caseIndex: null, caseId: null, path: '', message: `not valid JSON: ${reason}` }
		};
	}
}

/** The file's text and its absolute path; throws a CasePackError when it cannot be read. */
export function readPackFile(file: string): { source: string; text: string } {
	const source = resolve(file);
	try {
		return { source, text: readFileSync(source, 'utf8') };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new CasePackError(`Cannot read case pack file ${source}: ${reason}`);
	}
}

/** The bundled sample as JSON text, as an upload would bring it. */
export const SAMPLE_PACK_JSON = JSON.stringify(sampleJson);

let sample: CasePack | undefined;

/** The bundled sample, validated (it is checked by tests; a broken one throws here). */
export function samplePack(): CasePack {
	sample ??= parseCasePack(sampleJson, 'built-in sample pack');
	return sample;
}
