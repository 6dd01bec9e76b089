/**
 * "Report by QR" (docs/api.md): one device's counter snapshot for one event, signed on the
 * device with the event's P-256 key, written compactly enough for a QR code, carried in the
 * fragment of a link to this server (`/r#…`) that any phone can open and relay.
 *
 * The payload is binary, then base64url:
 *
 *   u8 format (1) | str eventId | str deviceId | 32 bytes SHA-256 of the event key |
 *   33 bytes public key (compressed point: 0x02 or 0x03, then x) | str name | str venue |
 *   str city | str province | str date | uint updatedAt | str updatedBy ("" when it is deviceId) |
 *   uint groups |
 *   groups × (str caseId | u8 kinds mask | per set bit: uint plus, uint minus) |
 *   64 bytes signature (ECDSA P-256 SHA-256, r || s) over every byte before it
 *
 * where str is a uint byte length then UTF-8 and uint is LEB128 (7 bits a byte). Only counters
 * with a non-zero plus are written. Decoding checks only the framing: the snapshot it yields goes
 * through the sync's own parseCounterSnapshot, so a report obeys exactly the sync's rules.
 *
 * A payload too long for one code is cut into parts, each its own link
 * `/r#{reportId}.{i}.{n}.{chunk}`; reportId is the start of the signature, unique per report.
 */
import { CASE_KINDS, EVENT_KINDS, type CounterKind, type CounterState } from './domain';
import type { StampedEventDetails } from './event-details';
import {
	compressPoint,
	decompressPoint,
	fromBase64Url,
	rawPublicKey,
	sign,
	toBase64Url,
	verify,
	type SigningKey
} from './p256';
import { Reader, Truncated, Writer, bytesOfHex, hexOf } from './report-bytes';

// Importers take the whole "report by QR" API from here; the links live beside it.
export {
	MAX_CODE_CHARS,
	assembleParts,
	parseReportFragment,
	reportIdOf,
	reportLinks,
	type ReportFragment
} from './report-links';

export const REPORT_FORMAT = 1;
const KEY_HASH_BYTES = 32;
const COMPRESSED_KEY_BYTES = 33;
const SIGNATURE_BYTES = 64;
/** Every kind, in mask-bit order: bit i stands for ALL_KINDS[i]. */
const ALL_KINDS: readonly CounterKind[] = [...CASE_KINDS, ...EVENT_KINDS];

export interface ReportContent {
	eventId: string;
	deviceId: string;
	event: StampedEventDetails;
	/** SHA-256 of the event key, hex: lets the server register the event from the report. */
	keyHash: string;
	counters: readonly CounterState[];
}

/** What decoding yields: the snapshot still to be checked by parseCounterSnapshot. */
export interface DecodedReport {
	eventId: string;
	keyHash: string;
	publicKey: Uint8Array;
	/** A sync body, unchecked beyond its framing. */
	snapshot: {
		format: 1;
		deviceId: string;
		event: Record<string, unknown>;
		counters: CounterState[];
	};
	/** The signed bytes and the signature over them. */
	signed: Uint8Array;
	signature: Uint8Array;
}

export type ReportDecode = { ok: true; value: DecodedReport } | { ok: false; message: string };

/** The bytes the signature covers; `publicKey` is the raw uncompressed point. */
export function encodeReportBody(content: ReportContent, publicKey: Uint8Array): Uint8Array {
	const out = new Writer();
	out.u8(REPORT_FORMAT);
	out.str(content.eventId);
	out.str(content.deviceId);
	out.raw(bytesOfHex(content.keyHash));
	out.raw(compressPoint(publicKey));
	const { event } = content;
	for (const text of [event.name, event.venue, event.city, event.province, event.date]) {
		out.str(text);
	}
	out.uint(event.updatedAt);
	// Usually the device's own edit: its id once is enough.
	out.str(event.updatedBy === content.deviceId ? '' : event.updatedBy);
	const groups = new Map<string, CounterState[]>();
	for (const counter of content.counters) {
		if (counter.plus === 0) continue;
		const group = groups.get(counter.caseId) ?? [];
		group.push(counter);
		groups.set(counter.caseId, group);
	}
	out.uint(groups.size);
	for (const [caseId, counters] of groups) {
		out.str(caseId);
		const byKind = new Map(counters.map((c) => [c.kind, c]));
		let mask = 0;
		ALL_KINDS.forEach((kind, bit) => {
			if (byKind.has(kind)) mask |= 1 << bit;
		});
		out.u8(mask);
		for (const kind of ALL_KINDS) {
			const counter = byKind.get(kind);
			if (counter) {
				out.uint(counter.plus);
				out.uint(counter.minus);
			}
		}
	}
	return out.done();
}

/** The whole payload, signed with the event's key, as base64url. */
export async function signReport(content: ReportContent, key: SigningKey): Promise<string> {
	const body = encodeReportBody(content, rawPublicKey(key));
	const signature = await sign(key, body);
	const payload = new Uint8Array(body.length + signature.length);
	payload.set(body);
	payload.set(signature, body.length);
	return toBase64Url(payload);
}

/** Reads a payload's framing; nothing is trusted until verifyReport and parseCounterSnapshot. */
export function decodeReport(payload: string): ReportDecode {
	const bytes = fromBase64Url(payload);
	if (!bytes) return { ok: false, message: 'The report is not base64url text' };
	if (bytes.length <= SIGNATURE_BYTES) return { ok: false, message: 'The report is too short' };
	const signed = bytes.slice(0, bytes.length - SIGNATURE_BYTES);
	const signature = bytes.slice(bytes.length - SIGNATURE_BYTES);
	const input = new Reader(signed);
	try {
		const format = input.u8();
		if (format !== REPORT_FORMAT) {
			return {
				ok: false,
				message: `Report format ${format} is unknown; expected ${REPORT_FORMAT}`
			};
		}
		const eventId = input.str();
		const deviceId = input.str();
		const keyHash = hexOf(input.raw(KEY_HASH_BYTES));
		const publicKey = decompressPoint(input.raw(COMPRESSED_KEY_BYTES));
		if (!publicKey) return { ok: false, message: 'The report’s public key is not a P-256 point' };
		const [name, venue, city, province, date] = [1, 2, 3, 4, 5].map(() => input.str());
		const updatedAt = input.uint();
		const updatedBy = input.str() || deviceId;
		const counters: CounterState[] = [];
		const groups = input.uint();
		if (groups > input.left) throw new Truncated();
		for (let g = 0; g < groups; g++) {
			const caseId = input.str();
			const mask = input.u8();
			if (mask >= 1 << ALL_KINDS.length || mask === 0) {
				return { ok: false, message: `The report names no known kind for ${caseId}` };
			}
			ALL_KINDS.forEach((kind, bit) => {
				if (mask & (1 << bit)) {
					counters.push({ caseId, kind, plus: input.uint(), minus: input.uint() });
				}
			});
		}
		if (input.left !== 0) return { ok: false, message: 'The report has bytes past its end' };
		return {
			ok: true,
			value: {
				eventId,
				keyHash,
				publicKey,
				snapshot: {
					format: 1,
					deviceId,
					event: { name, venue, city, province, date, updatedAt, updatedBy },
					counters
				},
				signed,
				signature
			}
		};
	} catch (error) {
		if (error instanceof Truncated) return { ok: false, message: 'The report is cut short' };
		if (error instanceof TypeError) return { ok: false, message: 'The report has bad text' };
		throw error;
	}
}

/** True when the signature over the report is the one its own public key makes. */
export function verifyReport(report: DecodedReport): Promise<boolean> {
	return verify(report.publicKey, report.signature, report.signed);
}

/** Per-kind sums of a report's counters (plus - minus), for saying in words what it holds. */
export function kindTotals(counters: readonly CounterState[]): Map<CounterKind, number> {
	const totals = new Map<CounterKind, number>();
	for (const { kind, plus, minus } of counters) {
		totals.set(kind, (totals.get(kind) ?? 0) + plus - minus);
	}
	return totals;
}
