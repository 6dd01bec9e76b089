/**
 * What lets a sync answer carry only the totals that changed (docs/api.md, "Cursor"): the cursor
 * a device sends back, and the check that proves a delta, merged into what the device holds,
 * gives the server's totals.
 *
 * The cursor is `{epoch}.{version}`: the event's totals version (bumped by every write that moves
 * a running total) and an epoch that changes when the event is registered anew (its created_at,
 * base 36), so a cursor from an event the server lost and re-registered is not trusted.
 *
 * A server restored from a backup keeps the epoch, and may move past a device's cursor with other
 * writes than those the device saw: no cursor can tell. The check can: a sum over every total of
 * weight(key) × total modulo a prime, kept by the server as totals move (it adds
 * weight × growth) and recomputed by the device over the totals it holds after merging a delta.
 * Any difference means the device's copy diverged: it asks for the full set again.
 */
import type { CounterTotal } from './domain';

/** A prime below 2^31: every product and sum below stays exact in a double. */
export const CHECK_MODULUS = 2_147_483_647;

/** FNV-1a of the key, cut to 21 bits and never 0: weight × total (< 2^21 × 2^31) stays exact.
 * PostgreSQL's one-trip sync is handed each key's weight and adds weight × growth itself. */
export function checkWeight(caseId: string, kind: string): number {
	let hash = 0x811c9dc5;
	const text = `${caseId}/${kind}`;
	for (let i = 0; i < text.length; i += 1) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return ((hash >>> 0) & 0x1fffff) | 1;
}

/** The check moved by `delta` on one key: what the server stores after raising a total. */
export function addToCheck(check: number, caseId: string, kind: string, delta: number): number {
	const moved = (check + ((checkWeight(caseId, kind) * delta) % CHECK_MODULUS)) % CHECK_MODULUS;
	return moved < 0 ? moved + CHECK_MODULUS : moved;
}

/** The check of a whole set of totals, as the device recomputes it. */
export function totalsCheck(totals: readonly CounterTotal[]): number {
	let check = 0;
	for (const { caseId, kind, total } of totals) check = addToCheck(check, caseId, kind, total);
	return check;
}

export interface TotalsCursor {
	epoch: string;
	version: number;
}

/** Base 36 epoch (up to 12 characters), a dot, a decimal version: what the server hands out. */
export const CURSOR_PATTERN = /^([0-9a-z]{1,12})\.(0|[1-9][0-9]{0,14})$/;

export const CURSOR_RULE =
	'cursor must be the cursor of an earlier answer: {epoch}.{version}, e.g. "mi3k0xyz.42"';

export function formatCursor(cursor: TotalsCursor): string {
	return `${cursor.epoch}.${cursor.version}`;
}

export function parseCursor(text: unknown): TotalsCursor | null {
	if (typeof text !== 'string') return null;
	const match = CURSOR_PATTERN.exec(text);
	return match ? { epoch: match[1]!, version: Number(match[2]) } : null;
}

/** The epoch of an event registered at `createdAt`. */
export const epochOf = (createdAt: number): string => Math.trunc(createdAt).toString(36);
