/**
 * A report as links (see report.ts): one `/r#{payload}` when it fits a code, else parts
 * `/r#{reportId}.{i}.{n}.{chunk}` that the relay page gathers before sending.
 */

/**
 * The longest link one code carries. Drawn at error correction L (a screen has no creases or
 * stains to survive), 600 characters make at most a version-17 code: 85 modules, about 0.7 mm
 * each on a phone held up by the host, which a phone camera reads at arm's length without fuss;
 * denser codes want a steady hand and a bright screen. The report's fixed part (ids, key hash,
 * public key, details, signature) is about 260 bytes, so one code holds five or six counted
 * cases; every case of a 13-case pack counted in every kind (about 600 bytes) takes two.
 */
export const MAX_CODE_CHARS = 600;

/** A short id for the parts of one report: the start of its signature. */
export const reportIdOf = (payload: string) => payload.slice(-16, -8);

/** One link when it fits MAX_CODE_CHARS, else parts of about equal length. */
export function reportLinks(origin: string, payload: string, max = MAX_CODE_CHARS): string[] {
	const whole = `${origin}/r#${payload}`;
	if (whole.length <= max) return [whole];
	const id = reportIdOf(payload);
	// Room for "/r#" and "{id}.{i}.{n}." with up to two digits each.
	const room = max - origin.length - 3 - id.length - 8;
	const count = Math.ceil(payload.length / room);
	const size = Math.ceil(payload.length / count);
	return Array.from(
		{ length: count },
		(_, i) => `${origin}/r#${id}.${i + 1}.${count}.${payload.slice(i * size, (i + 1) * size)}`
	);
}

export type ReportFragment =
	| { kind: 'whole'; payload: string }
	| { kind: 'part'; id: string; index: number; count: number; chunk: string };

/** Reads a relay link's fragment (with or without the leading #, or the whole link). */
export function parseReportFragment(text: string): ReportFragment | null {
	const hash = text.includes('#') ? text.slice(text.indexOf('#') + 1) : text;
	if (/^[A-Za-z0-9_-]+$/.test(hash)) return { kind: 'whole', payload: hash };
	const match = /^([A-Za-z0-9_-]{8})\.(\d{1,2})\.(\d{1,2})\.([A-Za-z0-9_-]+)$/.exec(hash);
	if (!match) return null;
	const index = Number(match[2]);
	const count = Number(match[3]);
	if (count < 2 || index < 1 || index > count) return null;
	return { kind: 'part', id: match[1]!, index, count, chunk: match[4]! };
}

/** The payload once every part is there (parts[i] is part i + 1), else null. */
export function assembleParts(parts: readonly (string | undefined | null)[], count: number) {
	if (parts.length < count) return null;
	for (let i = 0; i < count; i++) if (!parts[i]) return null;
	return parts.slice(0, count).join('');
}
