/**
 * The case pack's format (docs/case-pack.md) as valibot schemas; its TypeScript types are inferred
 * from them and re-exported, as types only, by $lib/shared/case-pack. Server-only so that valibot
 * stays out of the host app's bundle.
 *
 * Every message is written for a pack editor ("must not be empty", "is missing") rather than
 * valibot's defaults; validate.ts adds the case and field path in front.
 */
import * as v from 'valibot';
import { CASE_ID_PATTERN, CASE_PACK_FORMAT, MAX_CASES } from '$lib/shared/case-pack';
import {
	countedList,
	day,
	firstIssueOnly,
	got,
	httpsUrl,
	isRecord,
	list,
	record,
	text,
	wholeNumber,
	word
} from './fields';

export { CASE_ID_PATTERN };
/** Names the participant pages use beside case ids under /c/{lang}/: a case may not take them. */
export const RESERVED_CASE_IDS = ['print', 'poster'];
/** Anything a browser could treat as a link target, so it must be checked as a URL. */
const LOOKS_LIKE_URL =
	/^([a-z][a-z0-9+.-]*:\/\/|(javascript|data|vbscript|file|mailto|http|https):)/i;
/** Write for Rights began in 2001. */
const FIRST_CAMPAIGN_YEAR = 2001;
const MAX_ID_LENGTH = 64;
/** Generous bounds that still catch a pasted document or a runaway editor. */
const MAX_TEXT = 5000;
const MAX_LINE = 200;
const MAX_ADDRESS_LINES = 10;
const MAX_PIXELS = 10_000;

const caseIdSchema = firstIssueOnly(
	v.pipe(
		text(MAX_ID_LENGTH),
		v.regex(
			CASE_ID_PATTERN,
			'must be lowercase letters and digits in words joined by single hyphens, e.g. "rita-karasartova"'
		),
		v.check(
			(id) => !RESERVED_CASE_IDS.includes(id),
			(issue) => `"${issue.input}" is reserved for the participant pages`
		)
	)
);

const localized = record({ en: text(MAX_TEXT), fr: text(MAX_TEXT) });

/** A postal address as printed on an envelope, one line per entry. */
const addressLines = countedList(
	text(MAX_LINE),
	'must be an array of address lines',
	[1, MAX_ADDRESS_LINES],
	(issue) => `must have 1 to ${MAX_ADDRESS_LINES} lines, has ${issue.input.length}`
);

const addressee = record({
	/** The official's name when the source gives one. */
	name: v.optional(text(MAX_LINE)),
	title: localized,
	salutation: localized,
	address: addressLines
});

const PATH_BASE = 'https://letterday.invalid';

/**
 * Whether a path that starts with "/" stays on this site once a browser resolves it. Browsers
 * read a backslash as a slash, so `/\\evil.example/x.png` is another site, like `//evil.example`:
 * resolve it as a browser would rather than trusting its first characters.
 */
export function isSiteRootPath(input: string): boolean {
	if (!input.startsWith('/')) return false;
	try {
		return new URL(input, PATH_BASE).origin === PATH_BASE;
	} catch {
		return false;
	}
}

/** A root-relative path served by this app, or else an https URL. */
const photoSource = v.lazy((input) =>
	typeof input === 'string' && isSiteRootPath(input) ? text(MAX_LINE) : httpsUrl
);

const pixels = wholeNumber(
	1,
	MAX_PIXELS,
	`must be a whole number of pixels from 1 to ${MAX_PIXELS}`
);

/** An https URL, or a plain citation such as "kloop.kg (2025-09-18)". */
const source = v.lazy((input) =>
	typeof input === 'string' && LOOKS_LIKE_URL.test(input.trim()) ? httpsUrl : text(MAX_LINE * 2)
);

/** The entries of a case sheet; the campaign year's bound depends on the pack's publication. */
const caseEntries = (lastYear: number) => ({
	/** Stable slug used in URLs, counters and QR codes: lowercase letters, digits, hyphens. */
	id: caseIdSchema,
	/** The person or group. */
	name: text(MAX_LINE),
	country: localized,
	/** The Write for Rights campaign year. */
	year: wholeNumber(
		FIRST_CAMPAIGN_YEAR,
		lastYear,
		`must be a whole year from ${FIRST_CAMPAIGN_YEAR} to ${lastYear}`
	),
	/** Shown in place of a photo. */
	initials: word(4),
	photo: v.optional(record({ src: photoSource, width: pixels, height: pixels, alt: localized })),
	/** One sentence for lists. */
	summary: localized,
	/** Paragraphs separated by a blank line. */
	story: localized,
	ask: localized,
	/** What has happened since the campaign, when known; null also means none. */
	update: v.optional(v.nullable(localized)),
	/** Where appeal letters go; null when there is no sourced address. */
	addressee: v.nullable(addressee),
	/** Who to write to when addressee is null, tone, etc. */
	letterGuidance: localized,
	sampleLetter: localized,
	/** Where solidarity cards go; null when no sourced address exists. */
	solidarityAddress: v.nullable(addressLines),
	solidarityGuidance: localized,
	/** Things never to write or draw, shown prominently. */
	safety: list(localized),
	onlineAction: v.nullable(record({ url: httpsUrl, label: localized })),
	/** Where the facts come from. */
	sources: countedList(
		source,
		'must be an array',
		[1, Infinity],
		() => 'must name at least one source'
	)
});

type CaseOutput = v.InferOutput<v.ObjectSchema<ReturnType<typeof caseEntries>, undefined>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Null and absent both mean "no update": keep one of them, so readers have one thing to test. */
function withoutNullUpdate({ update, ...sheet }: CaseOutput) {
	const out: Simplify<Omit<CaseOutput, 'update'> & { update?: Localized }> = sheet;
	if (update) out.update = update;
	return out;
}

const caseSheet = (lastYear: number) =>
	v.pipe(record(caseEntries(lastYear)), v.transform(withoutNullUpdate));

/**
 * Case ids must be unique. Checked after every sheet is read, and even when some sheets failed,
 * so that a duplicate is reported together with every other problem.
 */
const uniqueIds = v.rawCheck<CaseSheet[]>(({ dataset, addIssue }) => {
	const sheets: unknown = dataset.value;
	if (!Array.isArray(sheets)) return;
	const firstIndexOf = new Map<string, number>();
	sheets.forEach((sheet: unknown, index) => {
		// A sheet whose id is itself wrong has had its say already.
		if (!isRecord(sheet) || !v.is(caseIdSchema, sheet.id)) return;
		const id = sheet.id;
		const first = firstIndexOf.get(id);
		if (first === undefined) {
			firstIndexOf.set(id, index);
			return;
		}
		addIssue({
			message: `duplicates the id of cases[${first}]`,
			path: [
				{ type: 'array', origin: 'value', input: sheets, key: index, value: sheet },
				{ type: 'object', origin: 'value', input: sheet, key: 'id', value: id }
			]
		});
	});
});

const packSchema = (lastYear: number) =>
	record({
		format: v.literal(
			CASE_PACK_FORMAT,
			got(`must be ${CASE_PACK_FORMAT} (the only format this app reads)`)
		),
		/** Changes whenever any sheet changes, e.g. "2026.1". */
		version: word(40),
		/** Publication day, YYYY-MM-DD. */
		published: day,
		/** Shown on every sheet of a sample pack. */
		notice: localized,
		/** Postage guidance for international letters from Canada. */
		postage: localized,
		/** Card and letter rules shared by every case. */
		generalSafety: list(localized),
		cases: v.pipe(
			countedList(
				caseSheet(lastYear),
				'must be an array of case sheets',
				[1, MAX_CASES],
				(issue) =>
					issue.input.length === 0
						? 'must hold at least one case'
						: `has ${issue.input.length} cases; the limit is ${MAX_CASES}`
			),
			uniqueIds
		)
	});

/**
 * A case can be published for next year's campaign, not for one further away. While `published`
 * is wrong (and reported), the bound is loose so that one mistake gives one message.
 */
function lastCampaignYear(pack: unknown): number {
	const published = v.safeParse(day, isRecord(pack) ? pack.published : undefined);
	return (published.success ? Number(published.output.slice(0, 4)) : 2100) + 1;
}

/** The whole pack. Built per input because a sheet's year is bounded by the pack's `published`. */
export const casePackSchema = v.lazy((input) => packSchema(lastCampaignYear(input)));

export type Localized = v.InferOutput<typeof localized>;
export type AddressLines = v.InferOutput<typeof addressLines>;
export type Addressee = v.InferOutput<typeof addressee>;
export type CaseSheet = v.InferOutput<ReturnType<typeof caseSheet>>;
export type CasePack = v.InferOutput<typeof casePackSchema>;
