/**
 * Turns an unknown value (parsed JSON from a file or an organizer's upload) into a CasePack, or
 * into a list of every problem found. Hand-written rather than a schema library so that each
 * message names the case (by id and index) and the field path in words a pack editor can act on:
 * `case "rita-karasartova" (cases[0]): story.fr: must not be empty`.
 *
 * The output is built field by field from the input, so unknown keys never leak through, and a
 * pack with any problem yields no pack at all. The format is documented in docs/case-pack.md.
 */
import {
	CASE_PACK_FORMAT,
	type Addressee,
	type CasePack,
	type CaseSheet,
	type Localized
} from '$lib/shared/case-pack';

export const CASE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Names the participant pages use beside case ids under /c/{lang}/: a case may not take them. */
export const RESERVED_CASE_IDS = ['print', 'poster'];
/** Anything a browser could treat as a link target, so it must be checked as a URL. */
const LOOKS_LIKE_URL =
	/^([a-z][a-z0-9+.-]*:\/\/|(javascript|data|vbscript|file|mailto|http|https):)/i;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Write for Rights began in 2001. */
const FIRST_CAMPAIGN_YEAR = 2001;
const MAX_CASES = 100;
const MAX_ID_LENGTH = 64;
/** Generous bounds that still catch a pasted document or a runaway editor. */
const MAX_TEXT = 5000;
const MAX_LINE = 200;
const MAX_ADDRESS_LINES = 10;

export interface CasePackIssue {
	/** Index in `cases` when the problem is inside a case sheet, else null. */
	caseIndex: number | null;
	/** The sheet's id when it has a usable string id, else null. */
	caseId: string | null;
	/** Dotted path inside the sheet (or the pack, for pack-level fields); "" for the whole value. */
	path: string;
	message: string;
}

export type CasePackValidation =
	{ ok: true; pack: CasePack } | { ok: false; issues: CasePackIssue[]; errors: string[] };

export function formatIssue(issue: CasePackIssue): string {
	const where = issue.path === '' ? '' : `${issue.path}: `;
	if (issue.caseIndex === null) return `${where}${issue.message}`;
	const label = issue.caseId === null ? '' : `case ${JSON.stringify(issue.caseId)} `;
	return `${label}(cases[${issue.caseIndex}]): ${where}${issue.message}`;
}

/** Thrown by the loader; `issues` holds the structured problems when the pack itself is bad. */
export class CasePackError extends Error {
	readonly issues: CasePackIssue[];
	constructor(message: string, issues: CasePackIssue[] = []) {
		super(message);
		this.name = 'CasePackError';
		this.issues = issues;
	}
}

export function validateCasePack(value: unknown): CasePackValidation {
	const v = new Validator();
	const pack = v.pack(value);
	if (pack && v.issues.length === 0) return { ok: true, pack };
	return { ok: false, issues: v.issues, errors: v.issues.map(formatIssue) };
}

/** Validates and returns the pack, or throws a CasePackError listing every problem. */
export function parseCasePack(value: unknown, source = 'case pack'): CasePack {
	const result = validateCasePack(value);
	if (result.ok) return result.pack;
	throw invalidPackError(source, result.issues);
}

export function invalidPackError(source: string, issues: CasePackIssue[]): CasePackError {
	const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
	const list = issues.map((issue) => `  - ${formatIssue(issue)}`).join('\n');
	return new CasePackError(`Invalid case pack (${source}), ${count}:\n${list}`, issues);
}

type Json = Record<string, unknown>;

const PACK_FIELDS = [
	'format',
	'version',
	'published',
	'notice',
	'postage',
	'generalSafety',
	'cases'
] as const;
const CASE_FIELDS = [
	'id',
	'name',
	'country',
	'year',
	'initials',
	'summary',
	'story',
	'ask',
	'addressee',
	'letterGuidance',
	'sampleLetter',
	'solidarityAddress',
	'solidarityGuidance',
	'safety',
	'onlineAction',
	'sources'
] as const;

type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/** The object itself when every field passed its check (checks return undefined on failure). */
function allDefined<T extends object>(fields: T): Defined<T> | undefined {
	return Object.values(fields).every((field) => field !== undefined)
		? (fields as Defined<T>)
		: undefined;
}

const isRecord = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (path: string, key: string | number): string =>
	typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

class Validator {
	readonly issues: CasePackIssue[] = [];
	private caseIndex: number | null = null;
	private caseId: string | null = null;

	private report(path: string, message: string): void {
		this.issues.push({ caseIndex: this.caseIndex, caseId: this.caseId, path, message });
	}

	/** Checks the value is an object with the required keys and no others. */
	private object(
		value: unknown,
		path: string,
		required: readonly string[],
		optional: readonly string[] = []
	): Json | undefined {
		if (!isRecord(value)) {
			this.report(path, `must be an object, got ${describe(value)}`);
			return undefined;
		}
		for (const key of required) {
			if (!(key in value)) this.report(join(path, key), 'is missing');
		}
		for (const key of Object.keys(value)) {
			if (!required.includes(key) && !optional.includes(key)) {
				this.report(join(path, key), 'is not a field of this format (misspelt?)');
			}
		}
		return value;
	}

	private text(value: unknown, path: string, max = MAX_TEXT): string | undefined {
		if (value === undefined) return undefined; // reported as missing by object()
		if (typeof value !== 'string') {
			this.report(path, `must be a string, got ${describe(value)}`);
			return undefined;
		}
		if (value.trim() === '') {
			this.report(path, 'must not be empty');
			return undefined;
		}
		if (value.length > max) {
			this.report(path, `is ${value.length} characters long; the limit is ${max}`);
			return undefined;
		}
		return value;
	}

	private localized(value: unknown, path: string): Localized | undefined {
		if (value === undefined) return undefined;
		const record = this.object(value, path, ['en', 'fr']);
		if (!record) return undefined;
		const en = this.text(record.en, join(path, 'en'));
		const fr = this.text(record.fr, join(path, 'fr'));
		return en !== undefined && fr !== undefined ? { en, fr } : undefined;
	}

	private lines(value: unknown, path: string): string[] | undefined {
		if (value === undefined) return undefined;
		if (!Array.isArray(value)) {
			this.report(path, `must be an array of address lines, got ${describe(value)}`);
			return undefined;
		}
		if (value.length === 0 || value.length > MAX_ADDRESS_LINES) {
			this.report(path, `must have 1 to ${MAX_ADDRESS_LINES} lines, has ${value.length}`);
			return undefined;
		}
		const lines = value.map((line, i) => this.text(line, join(path, i), MAX_LINE));
		return lines.every((line) => line !== undefined) ? (lines as string[]) : undefined;
	}

	private httpsUrl(value: unknown, path: string): string | undefined {
		const text = this.text(value, path, MAX_LINE * 4);
		if (text === undefined) return undefined;
		let url: URL;
		try {
			url = new URL(text);
		} catch {
			this.report(path, `must be an absolute https:// URL, got ${JSON.stringify(text)}`);
			return undefined;
		}
		if (url.protocol !== 'https:') {
			this.report(path, `must use https, got ${JSON.stringify(text)}`);
			return undefined;
		}
		return text;
	}

	/** Localized arrays (safety notes): may be empty, each entry a full Localized. */
	private localizedList(value: unknown, path: string): Localized[] | undefined {
		if (value === undefined) return undefined;
		if (!Array.isArray(value)) {
			this.report(path, `must be an array, got ${describe(value)}`);
			return undefined;
		}
		const items = value.map((item, i) => this.localized(item, join(path, i)));
		return items.every((item) => item !== undefined) ? (items as Localized[]) : undefined;
	}

	pack(value: unknown): CasePack | undefined {
		const record = this.object(value, '', PACK_FIELDS);
		if (!record) return undefined;
		const format = this.format(record.format);
		const version = this.word(record.version, 'version', 40);
		const published = this.day(record.published, 'published');
		const publishedYear = published === undefined ? undefined : Number(published.slice(0, 4));
		return allDefined({
			format,
			version,
			published,
			notice: this.localized(record.notice, 'notice'),
			postage: this.localized(record.postage, 'postage'),
			generalSafety: this.localizedList(record.generalSafety, 'generalSafety'),
			cases: this.cases(record.cases, publishedYear)
		});
	}

	private format(value: unknown): typeof CASE_PACK_FORMAT | undefined {
		if (value === CASE_PACK_FORMAT || value === undefined) return value;
		const expected = `must be ${CASE_PACK_FORMAT} (the only format this app reads)`;
		this.report('format', `${expected}, got ${describe(value)}`);
		return undefined;
	}

	/** A non-empty string without white space, such as a version or initials. */
	private word(value: unknown, path: string, max: number): string | undefined {
		const text = this.text(value, path, max);
		if (text === undefined || !/\s/.test(text)) return text;
		this.report(path, 'must not contain spaces');
		return undefined;
	}

	private day(value: unknown, path: string): string | undefined {
		const text = this.text(value, path, 10);
		if (text === undefined) return undefined;
		const match = DAY_PATTERN.exec(text);
		if (match) {
			const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
			const date = new Date(Date.UTC(year, month - 1, day));
			const real =
				date.getUTCFullYear() === year &&
				date.getUTCMonth() === month - 1 &&
				date.getUTCDate() === day;
			if (real) return text;
		}
		this.report(path, `must be a real day written YYYY-MM-DD, got ${JSON.stringify(text)}`);
		return undefined;
	}

	private cases(value: unknown, publishedYear: number | undefined): CaseSheet[] | undefined {
		if (value === undefined) return undefined;
		if (!Array.isArray(value)) {
			this.report('cases', `must be an array of case sheets, got ${describe(value)}`);
			return undefined;
		}
		if (value.length === 0) {
			this.report('cases', 'must hold at least one case');
			return undefined;
		}
		if (value.length > MAX_CASES) {
			this.report('cases', `has ${value.length} cases; the limit is ${MAX_CASES}`);
			return undefined;
		}
		const firstIndexOf = new Map<string, number>();
		const sheets = value.map((item, index) => {
			const sheet = this.caseSheet(item, index, publishedYear, firstIndexOf);
			this.caseIndex = null;
			this.caseId = null;
			return sheet;
		});
		return sheets.every((sheet) => sheet !== undefined) ? (sheets as CaseSheet[]) : undefined;
	}

	private caseSheet(
		value: unknown,
		index: number,
		publishedYear: number | undefined,
		firstIndexOf: Map<string, number>
	): CaseSheet | undefined {
		this.caseIndex = index;
		// Label every message with the id as written, even a malformed one: it is what the editor
		// will search for.
		const rawId = isRecord(value) ? value.id : undefined;
		this.caseId = typeof rawId === 'string' && rawId.trim() !== '' ? rawId : null;
		const before = this.issues.length;
		const record = this.object(value, '', CASE_FIELDS, ['photo', 'update']);
		if (!record) return undefined;
		const sheet: CaseSheet | undefined = allDefined({
			id: this.caseIdField(record.id, index, firstIndexOf),
			name: this.text(record.name, 'name', MAX_LINE),
			country: this.localized(record.country, 'country'),
			year: this.year(record.year, publishedYear),
			initials: this.word(record.initials, 'initials', 4),
			summary: this.localized(record.summary, 'summary'),
			story: this.localized(record.story, 'story'),
			ask: this.localized(record.ask, 'ask'),
			addressee: record.addressee === null ? null : this.addressee(record.addressee, 'addressee'),
			letterGuidance: this.localized(record.letterGuidance, 'letterGuidance'),
			sampleLetter: this.localized(record.sampleLetter, 'sampleLetter'),
			solidarityAddress:
				record.solidarityAddress === null
					? null
					: this.lines(record.solidarityAddress, 'solidarityAddress'),
			solidarityGuidance: this.localized(record.solidarityGuidance, 'solidarityGuidance'),
			safety: this.localizedList(record.safety, 'safety'),
			onlineAction: record.onlineAction === null ? null : this.onlineAction(record.onlineAction),
			sources: this.sources(record.sources)
		});
		// Optional fields: left out of the output when absent; null also means "no update".
		const photo = record.photo === undefined ? undefined : this.photo(record.photo);
		const update =
			record.update === undefined || record.update === null
				? undefined
				: this.localized(record.update, 'update');
		if (!sheet || this.issues.length > before) return undefined;
		if (photo) sheet.photo = photo;
		if (update) sheet.update = update;
		return sheet;
	}

	private caseIdField(
		value: unknown,
		index: number,
		firstIndexOf: Map<string, number>
	): string | undefined {
		const id = this.text(value, 'id', MAX_ID_LENGTH);
		if (id === undefined) return undefined;
		if (!CASE_ID_PATTERN.test(id)) {
			this.report(
				'id',
				'must be lowercase letters and digits in words joined by single hyphens, e.g. "rita-karasartova"'
			);
			return undefined;
		}
		if (RESERVED_CASE_IDS.includes(id)) {
			this.report('id', `"${id}" is reserved for the participant pages`);
			return undefined;
		}
		const first = firstIndexOf.get(id);
		if (first !== undefined) {
			this.report('id', `duplicates the id of cases[${first}]`);
			return undefined;
		}
		firstIndexOf.set(id, index);
		return id;
	}

	private year(value: unknown, publishedYear: number | undefined): number | undefined {
		if (value === undefined) return undefined;
		// A case can be published for next year's campaign, not for one further away.
		const last = (publishedYear ?? 2100) + 1;
		if (
			typeof value !== 'number' ||
			!Number.isInteger(value) ||
			value < FIRST_CAMPAIGN_YEAR ||
			value > last
		) {
			this.report(
				'year',
				`must be a whole year from ${FIRST_CAMPAIGN_YEAR} to ${last}, got ${describe(value)}`
			);
			return undefined;
		}
		return value;
	}

	private photo(value: unknown): CaseSheet['photo'] {
		const record = this.object(value, 'photo', ['src', 'width', 'height', 'alt']);
		if (!record) return undefined;
		// A photo is either served by this app (a root-relative path) or from an https host.
		const local =
			typeof record.src === 'string' && record.src.startsWith('/') && !record.src.startsWith('//');
		const src = local
			? this.text(record.src, 'photo.src', MAX_LINE)
			: this.httpsUrl(record.src, 'photo.src');
		const width = this.dimension(record.width, 'photo.width');
		const height = this.dimension(record.height, 'photo.height');
		const alt = this.localized(record.alt, 'photo.alt');
		if (src === undefined || width === undefined || height === undefined || !alt) return undefined;
		return { src, width, height, alt };
	}

	private dimension(value: unknown, path: string): number | undefined {
		if (value === undefined) return undefined;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_000) {
			this.report(path, `must be a whole number of pixels from 1 to 10000, got ${describe(value)}`);
			return undefined;
		}
		return value;
	}

	private addressee(value: unknown, path: string): Addressee | undefined {
		if (value === undefined) return undefined;
		const record = this.object(value, path, ['title', 'salutation', 'address'], ['name']);
		if (!record) return undefined;
		const name =
			record.name === undefined ? undefined : this.text(record.name, join(path, 'name'), MAX_LINE);
		const title = this.localized(record.title, join(path, 'title'));
		const salutation = this.localized(record.salutation, join(path, 'salutation'));
		const address = this.lines(record.address, join(path, 'address'));
		if (!title || !salutation || !address) return undefined;
		if (record.name !== undefined && name === undefined) return undefined;
		return name === undefined
			? { title, salutation, address }
			: { name, title, salutation, address };
	}

	private onlineAction(value: unknown): CaseSheet['onlineAction'] | undefined {
		if (value === undefined) return undefined;
		const record = this.object(value, 'onlineAction', ['url', 'label']);
		if (!record) return undefined;
		const url = this.httpsUrl(record.url, 'onlineAction.url');
		const label = this.localized(record.label, 'onlineAction.label');
		return url !== undefined && label !== undefined ? { url, label } : undefined;
	}

	/** A source is an https URL, or a plain citation such as "kloop.kg (2025-09-18)". */
	private sources(value: unknown): string[] | undefined {
		if (value === undefined) return undefined;
		if (!Array.isArray(value)) {
			this.report('sources', `must be an array, got ${describe(value)}`);
			return undefined;
		}
		if (value.length === 0) {
			this.report('sources', 'must name at least one source');
			return undefined;
		}
		const sources = value.map((item, i) => {
			const path = join('sources', i);
			if (typeof item === 'string' && LOOKS_LIKE_URL.test(item.trim())) {
				return this.httpsUrl(item, path);
			}
			return this.text(item, path, MAX_LINE * 2);
		});
		return sources.every((source) => source !== undefined) ? (sources as string[]) : undefined;
	}
}
