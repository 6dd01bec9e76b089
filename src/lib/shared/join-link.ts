/**
 * The co-host join link: everything a second device needs to count for an event, carried device
 * to device in a QR code. The event key travels in the URL fragment, which browsers never send
 * to a server. Participant QR codes never use this.
 */
import { isLocale, SYNC_FORMAT_VERSION, type EventDetails, type Locale } from './domain';
import { EVENT_KEY_PATTERN } from './ids';
import { isId, parseCounterSnapshot } from './sync-wire';

export interface JoinPayload extends EventDetails {
	id: string;
	key: string;
	lang: Locale;
	updatedBy: string;
}

const FIELDS = {
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
} as const;

export function joinLink(origin: string, event: JoinPayload): string {
	const params = new URLSearchParams();
	for (const [field, short] of Object.entries(FIELDS)) {
		params.set(short, String(event[field as keyof JoinPayload]));
	}
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
	// The details go through the same validator the sync endpoint uses, so a device never joins
	// with details the server would refuse.
	const checked = parseCounterSnapshot(
		{
			format: SYNC_FORMAT_VERSION,
			deviceId: get('updatedBy'),
			event: {
				name: get('name'),
				venue: get('venue'),
				city: get('city'),
				province: get('province'),
				date: get('date'),
				updatedAt: Number(get('updatedAt'))
			},
			counters: []
		},
		new Set()
	);
	if (!checked.ok) return { ok: false, reason: checked.message };
	return {
		ok: true,
		value: { ...checked.value.event, id, key, lang, updatedBy: get('updatedBy') }
	};
}
