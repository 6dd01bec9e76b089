/**
 * Event ids that only the event's holder can register (DESIGN.md, "Trust"). An id shows in host
 * URLs, so whoever sees it could sync it first and own it if the server trusted the first comer.
 * A new event's id is therefore derived from its P-256 public key, and its first sync carries a
 * proof: the hash of the event key it registers, signed with the event's private key. Without
 * the private key nobody can register the id, and a photographed report (which shows the public
 * key) cannot be replayed to register another event key.
 *
 * Older events have 22-character random ids and are still registered by their first sync. The
 * two kinds tell apart by length: a key-bound id is always KEY_BOUND_ID_LENGTH characters.
 */
import { fromBase64Url, rawPublicKey, sha256Hex, sign, toBase64Url, verify } from './p256';
import type { SigningKey } from './p256';

/** 24 bytes of SHA-256 of the raw public key, base64url: 192 bits, no padding. */
export const KEY_BOUND_ID_LENGTH = 32;
const ID_BYTES = 24;

export const isKeyBoundId = (eventId: string): boolean => eventId.length === KEY_BOUND_ID_LENGTH;

/** The id of the event whose public key is `raw` (0x04 || x || y). */
export async function eventIdOfKey(raw: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', raw as BufferSource);
	return toBase64Url(new Uint8Array(digest).subarray(0, ID_BYTES));
}

/** What a registration signs: the id and the hash of the event key it registers. */
function registrationMessage(eventId: string, keyHash: string): Uint8Array {
	return new TextEncoder().encode(`letterday-register\n${eventId}\n${keyHash}`);
}

/** The proof a device sends with its first sync of a key-bound event. */
export async function registrationProof(event: {
	id: string;
	key: string;
	signingKey: SigningKey;
}): Promise<string> {
	const keyHash = await sha256Hex(event.key);
	return toBase64Url(await sign(event.signingKey, registrationMessage(event.id, keyHash)));
}

/** True when `publicKey` (base64url of the raw point) is the one `eventId` was derived from. */
export async function isKeyOfId(eventId: string, publicKey: string): Promise<boolean> {
	const raw = fromBase64Url(publicKey);
	return raw !== null && (await eventIdOfKey(raw)) === eventId;
}

/**
 * True when the proof shows the sender holds the private key `eventId` was derived from and
 * registers exactly the event key whose hash is `keyHash`.
 */
export async function provesRegistration(
	eventId: string,
	publicKey: string,
	proof: string,
	keyHash: string
): Promise<boolean> {
	const raw = fromBase64Url(publicKey);
	const signature = fromBase64Url(proof);
	if (!raw || !signature || !(await isKeyOfId(eventId, publicKey))) return false;
	return verify(raw, signature, registrationMessage(eventId, keyHash));
}

/** A new event's id, from its freshly made signing key. */
export const eventIdOfSigningKey = (key: SigningKey): Promise<string> =>
	eventIdOfKey(rawPublicKey(key));
