/**
 * Turns an unknown value (parsed JSON from a file or an organizer's upload) into a CasePack, or
 * into a list of every problem found. The rules are the schema in schema.ts; this module turns
 * valibot's issues into messages that name the case (by id and index) and the field path in words
 * a pack editor can act on: `case "rita-karasartova" (cases[0]): story.fr: must not be empty`.
 *
 * A pack with any problem yields no pack at all. The format is documented in docs/case-pack.md.
 */
import * as v from 'valibot';
import type { CasePack } from '$lib/shared/case-pack';
import { isRecord } from './fields';
import { casePackSchema } from './schema';

export { CASE_ID_PATTERN, RESERVED_CASE_IDS } from './schema';

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
	const result = v.safeParse(casePackSchema, value);
	if (result.success) return { ok: true, pack: result.output };
	const issues = sortByCase(result.issues.map(toCasePackIssue));
	return { ok: false, issues, errors: issues.map(formatIssue) };
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

const join = (path: string, key: unknown): string =>
	typeof key === 'number' ? `${path}[${key}]` : path === '' ? String(key) : `${path}.${key}`;

function toCasePackIssue(issue: v.BaseIssue<unknown>): CasePackIssue {
	const path = issue.path ?? [];
	const [field, item] = path;
	const inCase = field?.key === 'cases' && typeof item?.key === 'number';
	// Label every message with the id as written, even a malformed one: it is what the editor
	// will search for.
	const id = inCase && isRecord(item.value) ? item.value.id : undefined;
	return {
		caseIndex: inCase ? (item.key as number) : null,
		caseId: typeof id === 'string' && id.trim() !== '' ? id : null,
		path: path.slice(inCase ? 2 : 0).reduce((at, { key }) => join(at, key), ''),
		message: issue.message
	};
}

/**
 * Pack-level problems first, then case by case. The schema reports a duplicate id only once every
 * sheet is read, yet it belongs first among its case's problems, where the id is.
 */
function sortByCase(issues: CasePackIssue[]): CasePackIssue[] {
	const idRank = (issue: CasePackIssue) => (issue.path === 'id' ? 0 : 1);
	// Array sort is stable, so the schema's order holds otherwise.
	return issues.sort((a, b) => (a.caseIndex ?? -1) - (b.caseIndex ?? -1) || idRank(a) - idRank(b));
}
