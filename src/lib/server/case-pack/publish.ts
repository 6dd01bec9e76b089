/**
 * Publishing a case pack: the one way a pack reaches the database, for an organizer's upload,
 * CASE_PACK_FILE at start and the seed alike. The JSON is validated whole first; a pack with any
 * problem changes nothing, and the answer lists every problem by case and field. A good pack is
 * stored and made active in one transaction (store.ts).
 */
import type { AppDb } from '$lib/server/db/open';
import { forgetActivePack } from './active';
import { parsePackJson } from './source';
import { storePack, type StoreOutcome } from './store';
import { formatIssue, validateCasePack, type CasePackIssue } from './validate';

/** The longest `publishedBy` kept: an organizer id, 'seed' or 'file'. */
const MAX_PUBLISHER = 200;

export type PublishResult =
	| {
			ok: true;
			/**
			 * 'published': stored and now active. 'unchanged': the active pack already had this
			 * content; nothing was written. 'kept' (onlyIfNone): a pack was active; nothing written.
			 */
			status: 'published' | 'unchanged' | 'kept';
			/** The case_packs row now active. */
			id: number;
			/** The given pack's version and size, for the message shown. */
			version: string;
			caseCount: number;
	  }
	| {
			ok: false;
			/** For a user interface: case (index, id), field path, problem. */
			issues: CasePackIssue[];
			/** The same as lines: `case "x" (cases[0]): story.fr: must not be empty`. */
			errors: string[];
	  };

export interface PublishOptions {
	now?: number;
	/** The seed: publish only when no pack is active yet. */
	onlyIfNone?: boolean;
}

export async function publishCasePack(
	db: AppDb,
	json: string,
	publishedBy: string,
	options: PublishOptions = {}
): Promise<PublishResult> {
	if (publishedBy.trim() === '' || publishedBy.length > MAX_PUBLISHER) {
		throw new Error(`publishedBy must be 1 to ${MAX_PUBLISHER} characters`);
	}
	const parsed = parsePackJson(json);
	if (!parsed.ok) return refused([parsed.issue]);
	const validation = validateCasePack(parsed.value);
	if (!validation.ok) return refused(validation.issues);
	const { pack } = validation;

	const outcome: StoreOutcome = await storePack(db, pack, publishedBy, options);
	if (outcome.status === 'version_taken') {
		const day = new Date(outcome.publishedAt).toISOString().slice(0, 10);
		return refused([
			{
				caseIndex: null,
				caseId: null,
				path: 'version',
				message: `"${pack.version}" was published on ${day} with other content: give this pack a new version`
			}
		]);
	}
	// This process serves the new pack at once; the others within RECHECK_MS.
	if (outcome.status === 'published') forgetActivePack(db);
	return {
		ok: true,
		status: outcome.status,
		id: outcome.id,
		version: pack.version,
		caseCount: pack.cases.length
	};
}

function refused(issues: CasePackIssue[]): PublishResult & { ok: false } {
	return { ok: false, issues, errors: issues.map(formatIssue) };
}
