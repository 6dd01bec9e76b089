/**
 * The national total while the campaign runs: the sum, over every event of the current year, of
 * what the projector's headline counts (letters, cards, petition signatures, online actions).
 * Read at most once per TTL per process, whatever the number of phones asking: the participant
 * pages and GET /api/national-total share this one cached figure. Nothing about any event leaves
 * here but its share of the sum.
 */
import { createHash } from 'node:crypto';
import { getDb } from '$lib/server/db';
import { readConsistently } from '$lib/server/organizer/read';
import { readYearFigures } from './figures';

export const NATIONAL_TOTAL_TTL_MS = 30_000;

export interface NationalTotal {
	/** The campaign year: events dated in it count. */
	year: number;
	total: number;
	/** When the sum was read, ms since the epoch. */
	at: number;
	etag: string;
}

let cached: { value: NationalTotal; expires: number } | undefined;
let pending: Promise<NationalTotal> | undefined;

async function read(now: number): Promise<NationalTotal> {
	const year = new Date(now).getUTCFullYear();
	const db = await getDb();
	const { total } = await readConsistently(db, (trx) => readYearFigures(trx, year));
	// Weak: the same figure read twice is the same answer for a cache, whatever its stamp says.
	const tag = createHash('sha256').update(`${year}:${total}`).digest('base64url').slice(0, 16);
	const etag = `W/"${tag}"`;
	return { year, total, at: now, etag };
}

/** The cached total; null when the database cannot be read (callers then show nothing). */
export async function nationalTotal(now = Date.now()): Promise<NationalTotal | null> {
	if (cached && cached.expires > now) return cached.value;
	// One read in flight per process: a burst of requests waits for the same one.
	pending ??= read(now).finally(() => (pending = undefined));
	try {
		const value = await pending;
		cached = { value, expires: now + NATIONAL_TOTAL_TTL_MS };
		return value;
	} catch (problem) {
		console.warn(
			'national total unavailable:',
			problem instanceof Error ? problem.message : problem
		);
		return null;
	}
}

/** For tests that change the counts and want the next read at once. */
export function forgetNationalTotal(): void {
	cached = undefined;
}
