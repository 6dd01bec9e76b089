/** Random identifiers made on the device, online or not (Web Crypto exists in browsers and Node). */

function randomBytes(length: number): Uint8Array {
	return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** 128 random bits as 22 base64url characters: event and device ids. */
export function randomId(): string {
	let binary = '';
	for (const byte of randomBytes(16)) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A 256-bit event key as 64 lowercase hex characters. */
export function randomEventKey(): string {
	return Array.from(randomBytes(32), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export const ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** What a `bad_event_id` answer says. */
export const EVENT_ID_RULE = 'The event id must be 16 to 64 characters of A-Z, a-z, 0-9, _ and -';
export const EVENT_KEY_PATTERN = /^[0-9a-f]{64}$/;
/**
 * An event's public key (src/lib/shared/p256.ts) as text: 0x04 then 64 bytes, in base64url without
 * padding, spelt canonically: the first character is 'B' (0x04's top six bits) and the last one's
 * two spare bits are zero. One key, one spelling, checked by a regular expression alone (the
 * sync's hot path: well under a microsecond). Here rather than in p256.ts so that checking a sync
 * body does not load the key code.
 */
export const PUBLIC_KEY_PATTERN = /^B[A-Za-z0-9_-]{85}[AEIMQUYcgkosw048]$/;

/** A registration proof (event-id.ts): an ECDSA P-256 signature, r || s (64 bytes), base64url. */
export const PROOF_PATTERN = /^[A-Za-z0-9_-]{86}$/;

export const isId = (value: unknown): value is string =>
	typeof value === 'string' && ID_PATTERN.test(value);
