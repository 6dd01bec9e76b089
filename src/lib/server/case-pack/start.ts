/**
 * What a server start does about case packs, once per database handle before the first read:
 * publish CASE_PACK_FILE when it is set (nothing is written when the active pack already has its
 * content), else seed the bundled sample when no pack was ever published. Several processes
 * starting at once are safe: publishing takes turns and the seed checks under that turn.
 */
import type { AppDb } from '$lib/server/db/open';
import { publishCasePack } from './publish';
import { readPackFile, SAMPLE_PACK_JSON } from './source';
import { invalidPackError } from './validate';

const started = new WeakMap<AppDb, Promise<string | null>>();

/**
 * Runs once per handle (later calls get the same promise). Resolves with what was published, in
 * words for the server log (the caller at start logs it), or null; problems with the file are
 * logged here, as they are found.
 */
export function startCasePacks(
	db: AppDb,
	env: NodeJS.ProcessEnv = process.env
): Promise<string | null> {
	let start = started.get(db);
	if (!start) {
		start = run(db, env.CASE_PACK_FILE).catch((error: unknown) => {
			// The database failed: try again at the next request.
			started.delete(db);
			throw error;
		});
		started.set(db, start);
	}
	return start;
}

async function run(db: AppDb, file: string | undefined): Promise<string | null> {
	if (!file) {
		const seeded = await publishCasePack(db, SAMPLE_PACK_JSON, 'seed', { onlyIfNone: true });
		return seeded.ok && seeded.status === 'published'
			? `case pack: seeded the bundled sample ${seeded.version}`
			: null;
	}
	let source: string;
	let text: string;
	try {
		({ source, text } = readPackFile(file));
	} catch (error) {
		// The pack already active (if any) stays in service; the operator reads why here.
		console.error(error instanceof Error ? error.message : error);
		return null;
	}
	const published = await publishCasePack(db, text, 'file');
	if (!published.ok) {
		console.error(invalidPackError(source, published.issues).message);
		return null;
	}
	return published.status === 'published'
		? `case pack: published ${published.version} from ${source}`
		: null;
}
