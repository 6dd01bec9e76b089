/**
 * Highlights on the wire (issue 14): what a device sends about one highlight, and the rules both
 * sides check. The upload goes in two steps, both with the event key as for a sync
 * (`Authorization: Bearer <key>`), after the counts:
 *
 * 1. `PUT /api/events/:eventId/highlights/:id` with a `HighlightUpload` as JSON. Sending the same
 *    highlight again answers as the first time (a retry finds the row by its device-made id).
 *    The same id with other content replaces the old while the highlight is unfinished and its
 *    own device sends it (the host edited it; a changed photo starts again from 0); once it is
 *    complete, or from another device, it is refused (409 `highlight_conflict`).
 * 2. For a photo: `PUT /api/events/:eventId/highlights/:id/photo?offset=N` with up to
 *    `HIGHLIGHT_CHUNK_BYTES` raw bytes, from the `received` the last answer gave. An offset past
 *    what the server holds is refused (409 `bad_offset`, the answer carries `received`), so a
 *    device that lost its place asks again instead of leaving a hole.
 *
 * Every answer is a `HighlightAnswer`. A highlight is whole when its photo (if any) is in and its
 * SHA-256 matches the declared one; only then does an organizer see it.
 */
import { hasControlCharacter, isStamp } from './event-details';
import { ID_PATTERN } from './ids';

export const HIGHLIGHT_KINDS = ['photo', 'quote', 'poem'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** 'publish': may be published by the organizers; 'organizers': for organizers' eyes only. */
export const HIGHLIGHT_CONSENTS = ['publish', 'organizers'] as const;
export type HighlightConsent = (typeof HIGHLIGHT_CONSENTS)[number];

/** What a device sends after resizing on the device (JPEG); PNG and WebP pass through. */
export const HIGHLIGHT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type HighlightPhotoType = (typeof HIGHLIGHT_PHOTO_TYPES)[number];

/** A photo resized on the device to its long edge weighs a few hundred KB; the cap is generous. */
export const MAX_HIGHLIGHT_PHOTO_BYTES = 4 * 1024 * 1024;
/** The long edge a device resizes a photo to, in pixels (sharp on a phone, light to send). */
export const HIGHLIGHT_PHOTO_EDGE = 1600;
/** One request's worth of photo: small enough to get through on a weak signal, resumable. */
export const HIGHLIGHT_CHUNK_BYTES = 256 * 1024;
/** A poem fits; a chapter does not. */
export const MAX_HIGHLIGHT_BODY = 4000;
export const MAX_HIGHLIGHT_AUTHOR = 60;
/** What one event may send, so one key cannot fill the disk. */
export const MAX_HIGHLIGHTS_PER_EVENT = 100;

export interface HighlightPhoto {
	type: HighlightPhotoType;
	/** Bytes. */
	size: number;
	/** SHA-256 of the whole file, base64url without padding (43 characters). */
	sha256: string;
	width: number;
	height: number;
}

export interface HighlightUpload {
	id: string;
	deviceId: string;
	kind: HighlightKind;
	/** The quote or poem; a photo's caption ('' allowed for a photo only). */
	body: string;
	/** The author's first name; '' means anonymous. */
	author: string;
	consent: HighlightConsent;
	/** When the host made it, ms since the epoch (the server refuses stamps from the future). */
	createdAt: number;
	/** Required for a photo, null for words. */
	photo: HighlightPhoto | null;
}

export interface HighlightAnswer {
	id: string;
	/** Photo bytes the server holds (0 for words): where the next chunk starts. */
	received: number;
	/** True once the highlight is whole on the server: the device may mark it sent. */
	complete: boolean;
}

const SHA256_BASE64URL = /^[A-Za-z0-9_-]{43}$/;
const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
	typeof value === 'string' && (list as readonly string[]).includes(value);
const isWhole = (value: unknown, max: number): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;

export type HighlightParse =
	{ ok: true; value: HighlightUpload } | { ok: false; code: 'bad_highlight'; message: string };

const refuse = (message: string): HighlightParse => ({ ok: false, code: 'bad_highlight', message });

function textProblem(value: unknown, field: string, max: number, multiline: boolean) {
	if (typeof value !== 'string') return `${field} must be text`;
	if ([...value].length > max) return `${field} must be at most ${max} characters`;
	// A poem keeps its line breaks (and tabs); every other control character is refused.
	const checked = multiline ? value.replace(/[\n\t]/g, ' ') : value;
	if (hasControlCharacter(checked)) return `${field} must not hold control characters`;
	return null;
}

/** Checks a device's highlight at the boundary; `now` bounds its stamp (no future stamps). */
export function parseHighlightUpload(input: unknown, now: number): HighlightParse {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return refuse('The body must be a JSON object');
	}
	const value = input as Record<string, unknown>;
	if (typeof value.id !== 'string' || !ID_PATTERN.test(value.id)) {
		return refuse('id must be 16 to 64 characters of A-Z, a-z, 0-9, _ and -');
	}
	if (typeof value.deviceId !== 'string' || !ID_PATTERN.test(value.deviceId)) {
		return refuse('deviceId must be 16 to 64 characters of A-Z, a-z, 0-9, _ and -');
	}
	if (!isOneOf(HIGHLIGHT_KINDS, value.kind)) {
		return refuse(`kind must be one of ${HIGHLIGHT_KINDS.join(', ')}`);
	}
	if (!isOneOf(HIGHLIGHT_CONSENTS, value.consent)) {
		return refuse(`consent must be one of ${HIGHLIGHT_CONSENTS.join(', ')}`);
	}
	const bodyProblem = textProblem(value.body, 'body', MAX_HIGHLIGHT_BODY, true);
	if (bodyProblem) return refuse(bodyProblem);
	const authorProblem = textProblem(value.author, 'author', MAX_HIGHLIGHT_AUTHOR, false);
	if (authorProblem) return refuse(authorProblem);
	const body = (value.body as string).trim();
	if (value.kind !== 'photo' && body === '') return refuse('A quote or a poem needs its words');
	if (!isStamp(value.createdAt) || value.createdAt > now) {
		return refuse('createdAt must be a time in ms since the epoch, not in the future');
	}
	let photo: HighlightPhoto | null = null;
	if (value.kind === 'photo') {
		const p = value.photo as Record<string, unknown> | null | undefined;
		if (typeof p !== 'object' || p === null) return refuse('A photo highlight needs its photo');
		if (!isOneOf(HIGHLIGHT_PHOTO_TYPES, p.type)) {
			return refuse(`photo.type must be one of ${HIGHLIGHT_PHOTO_TYPES.join(', ')}`);
		}
		if (!isWhole(p.size, MAX_HIGHLIGHT_PHOTO_BYTES)) {
			return refuse(`photo.size must be 1 to ${MAX_HIGHLIGHT_PHOTO_BYTES} bytes`);
		}
		if (typeof p.sha256 !== 'string' || !SHA256_BASE64URL.test(p.sha256)) {
			return refuse('photo.sha256 must be the SHA-256 of the file in base64url');
		}
		if (!isWhole(p.width, 20_000) || !isWhole(p.height, 20_000)) {
			return refuse('photo.width and photo.height must be whole numbers of pixels');
		}
		photo = { type: p.type, size: p.size, sha256: p.sha256, width: p.width, height: p.height };
	} else if (value.photo !== null && value.photo !== undefined) {
		return refuse('Only a photo highlight carries a photo');
	}
	return {
		ok: true,
		value: {
			id: value.id,
			deviceId: value.deviceId,
			kind: value.kind,
			body,
			author: (value.author as string).trim(),
			consent: value.consent,
			createdAt: value.createdAt,
			photo
		}
	};
}

/** The file types a photo's first bytes prove, whatever a request claims. */
export function sniffPhotoType(head: Uint8Array): HighlightPhotoType | null {
	const at = (i: number) => head[i];
	if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
	const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (png.every((byte, i) => at(i) === byte)) return 'image/png';
	const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
	if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
	return null;
}
