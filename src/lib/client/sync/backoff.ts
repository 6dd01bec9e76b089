/** When a healthy device looks for other devices' counts and sends its own. */
export const SYNC_INTERVAL_MS = 30_000;
/** The longest wait between attempts while the server cannot be reached. */
export const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Exponential backoff with ±20 % jitter, so a hall full of devices coming back online does not
 * hit the server in lockstep.
 */
export function nextDelay(failures: number, random: () => number = Math.random): number {
	const base = Math.min(SYNC_INTERVAL_MS * 2 ** Math.max(0, failures), MAX_BACKOFF_MS);
	return Math.round(base * (0.8 + 0.4 * random()));
}
