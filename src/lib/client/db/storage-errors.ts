/**
 * What went wrong with the device's storage, in the three cases a host can act on: the disk is
 * full, the browser will not let us store anything at all (some private modes, a missing or
 * broken IndexedDB), or something else. Dexie wraps the browser's DOMException in its own error
 * and keeps the original in `inner` (an open failure can be wrapped twice: DatabaseClosedError →
 * OpenFailedError → InvalidStateError), so the whole chain is read, not just the outer name.
 */
export type StorageProblem = 'quota' | 'cannotOpen' | 'other';

const QUOTA_NAMES = new Set([
	'QuotaExceededError',
	// Firefox before the standard name; Safari has been seen to report it as a code only.
	'NS_ERROR_DOM_QUOTA_REACHED',
	'NS_ERROR_FILE_NO_DEVICE_SPACE'
]);

/** Errors that mean the database cannot be opened here, whenever they show. */
const CANNOT_OPEN_NAMES = new Set(['OpenFailedError', 'MissingAPIError']);

/**
 * Errors that mean it when `indexedDB.open` itself fails. On a write to an open database they
 * mean something passing instead (Safari's "connection to Indexed Database server lost" is an
 * UnknownError), which a reload cures: another browser would be the wrong advice then.
 */
const CANNOT_OPEN_NAMES_AT_OPEN = new Set([
	// Firefox's private windows (before 115) refuse indexedDB.open with InvalidStateError.
	'InvalidStateError',
	// Chrome reports a profile it cannot read or write (a broken or read-only disk) this way.
	'UnknownError',
	// Sandboxed frames, file:// and some privacy settings refuse the API outright.
	'SecurityError'
]);

const WRAPS_OPEN_ERROR = new Set(['OpenFailedError', 'DatabaseClosedError']);

/** The legacy DOMException code for a full quota (QUOTA_EXCEEDED_ERR). */
const QUOTA_CODE = 22;

function chain(error: unknown): object[] {
	const links: object[] = [];
	let current: unknown = error;
	// A handful of levels is all Dexie nests; the bound keeps a cycle from hanging a tap.
	while (current && typeof current === 'object' && links.length < 8) {
		links.push(current);
		const next =
			(current as { inner?: unknown }).inner ??
			(current as { cause?: unknown }).cause ??
			// BulkError and ModifyError keep the per-row errors in `failures`.
			(current as { failures?: unknown[] }).failures?.[0];
		if (next === current) break;
		current = next;
	}
	return links;
}

/**
 * `when` says what failed: opening the database, or a read or write (where Dexie wraps the
 * error of a failed open, so that case is still found).
 */
export function classifyStorageError(
	error: unknown,
	when: 'open' | 'write' = 'write'
): StorageProblem {
	const links = chain(error);
	const named = (names: Set<string>) =>
		links.some((link) => names.has(String((link as { name?: unknown }).name)));
	// Quota first: a full disk during an upgrade can also surface as an open failure, and the
	// host's remedy (free some space) is the one that works then.
	if (named(QUOTA_NAMES)) return 'quota';
	if (links.some((link) => link instanceof DOMException && link.code === QUOTA_CODE)) {
		return 'quota';
	}
	if (named(CANNOT_OPEN_NAMES)) return 'cannotOpen';
	// After a failed open, Dexie rejects every read and write with DatabaseClosedError (or
	// OpenFailedError) around the open's own error: read that one as an open failure.
	const opening = when === 'open' || named(WRAPS_OPEN_ERROR);
	if (opening && named(CANNOT_OPEN_NAMES_AT_OPEN)) return 'cannotOpen';
	return 'other';
}

/** The message key that tells the host what happened and what to do. */
export const STORAGE_PROBLEM_MESSAGE = {
	quota: 'storageFull',
	cannotOpen: 'storageCannotOpen',
	other: 'storageWriteFailed'
} as const satisfies Record<StorageProblem, string>;
