/**
 * Event keys (DESIGN.md, "Trust"): 256 random bits made on the device, written as 64 lowercase
 * hex characters (EVENT_KEY_PATTERN). The server keeps only SHA-256 of the key. A plain hash is
 * enough because the key is random and long, not a password: there is nothing to guess.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { EVENT_KEY_PATTERN } from '$lib/shared/ids';

export type BearerKey =
	{ ok: true; key: string } | { ok: false; code: 'missing_key' | 'malformed_key'; message: string };

/** Reads `Authorization: Bearer {eventKey}`. */
export function bearerEventKey(authorization: string | null): BearerKey {
	if (!authorization) {
		return {
			ok: false,
			code: 'missing_key',
			message: 'Send the event key as "Authorization: Bearer {eventKey}"'
		};
	}
	const match = /^Bearer +(\S+) *$/i.exec(authorization);
	if (!match?.[1] || !EVENT_KEY_PATTERN.test(match[1])) {
		return {
			ok: false,
			code: 'malformed_key',
			message: 'The event key must be 64 lowercase hexadecimal characters after "Bearer "'
		};
	}
	return { ok: true, key: match[1] };
}

/** SHA-256 of the key, hex. */
export function hashEventKey(key: string): string {
	return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Compares two key hashes in constant time. */
export function keyHashesEqual(a: string, b: string): boolean {
	const left = Buffer.from(a, 'hex');
	const right = Buffer.from(b, 'hex');
	return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
