/**
 * The co-host join link: everything a second device needs to count for an event, carried device
 * to device in a QR code. The event key travels in the URL fragment, which browsers never send
 * to a server. Participant QR codes never use this.
 */
import { isLocale, type Locale } from './domain';
import { DETAIL_FIELDS, parseEventDetails, type StampedEventDetails } from './event-details';
import { EVENT_KEY_PATTERN, isId } from './ids';
import { parseSigningKeyText, signingKeyText, type SigningKey } from './p256';

export interface JoinPayload extends StampedEventDetails {
	id: string;
	key: string;
	lang: Locale;
	/** The event's P-256 key, so a co-host can sign its own reports by QR. Absent from links of
	 * events made before reports by QR existed. */
	signingKey?: SigningKey;
	/** The event this one replaces (event-move.ts): a co-host's device moves its counts for that
	 * event into this one as it joins. */
	movedFrom?: string;
}

/** The signing key travels as one field, `s=x.y.d` (base64url each). */
const SIGNING_KEY_FIELD = 's';
const MOVED_FROM_FIELD = 'm';

/** Each field's one-letter name in the fragment: typed so a new field must be given one. */
const FIELDS: Record<Exclude<keyof JoinPayload, 'signingKey' | 'movedFrom'>, string> = {
	id: 'e',
	key: 'k',
	name: 'n',
	venue: 'v',
	city: 'c',
	province: 'p',
	date: 'd',
	updatedAt: 'u',
	updatedBy: 'b',
	lang: 'l'
};

export function joinLink(origin: string, event: JoinPayload): string {
	const params = new URLSearchParams();
	for (const [field, short] of Object.entries(FIELDS)) {
		params.set(short, String(event[field as keyof typeof FIELDS]));
	}
	const key = event.signingKey;
	if (key) params.set(SIGNING_KEY_FIELD, signingKeyText(key));
	if (event.movedFrom) params.set(MOVED_FROM_FIELD, event.movedFrom);
	return `${origin}/join#${params.toString()}`;
}

export type JoinParse = { ok: true; value: JoinPayload } | { ok: false; reason: string };

/** Reads a join link (or just its fragment) and checks it as strictly as the server would. */
export function parseJoinLink(text: string): JoinParse {
	const hash = text.includes('#') ? text.slice(text.indexOf('#') + 1) : text;
	const params = new URLSearchParams(hash);
	const get = (field: keyof typeof FIELDS) => params.get(FIELDS[field]) ?? '';
	const id = get('id');
	const key = get('key');
	const lang = get('lang');
	if (!isId(id)) return { ok: false, reason: 'event id' };
	if (!EVENT_KEY_PATTERN.test(key)) return { ok: false, reason: 'event key' };
	if (!isLocale(lang)) return { ok: false, reason: 'language' };
	if (!isId(get('updatedBy'))) return { ok: false, reason: 'device id' };
	// The same check the sync endpoint makes, so a device never joins with details it would refuse.
	const fields = Object.fromEntries(DETAIL_FIELDS.map((field) => [field, get(field)]));
	const details = parseEventDetails({ ...fields, updatedAt: Number(get('updatedAt')) }, 'event');
	if (!details.ok) return { ok: false, reason: details.message };
	const value: JoinPayload = { ...details.value, id, key, lang, updatedBy: get('updatedBy') };
	const signing = params.get(SIGNING_KEY_FIELD);
	if (signing !== null) {
		const signingKey = parseSigningKeyText(signing);
		if (!signingKey) return { ok: false, reason: 'signing key' };
		value.signingKey = signingKey;
	}
	const movedFrom = params.get(MOVED_FROM_FIELD);
	if (movedFrom !== null) {
		if (!isId(movedFrom) || movedFrom === id) return { ok: false, reason: 'moved from' };
		value.movedFrom = movedFrom;
	}
	return { ok: true, value };
}
