import { describe, expect, it } from 'vitest';
import { CASE_KINDS, EVENT_CASE_ID, type CounterState } from '$lib/shared/domain';
import { randomEventKey, randomId } from '$lib/shared/ids';
import {
	fromBase64Url,
	generateSigningKey,
	isPublicKeyText,
	publicKeyText,
	sha256Hex,
	toBase64Url
} from '$lib/shared/p256';
import {
	MAX_CODE_CHARS,
	assembleParts,
	decodeReport,
	parseReportFragment,
	reportLinks,
	signReport,
	verifyReport,
	type ReportContent
} from '$lib/shared/report';
import { parseCounterSnapshot } from '$lib/shared/sync-wire';
import { samplePack } from '$lib/server/case-pack';

const caseIds: ReadonlySet<string> = new Set(samplePack().cases.map((sheet) => sheet.id));
const ORIGIN = 'https://letterday.amnesty.ca';

async function content(counters: CounterState[], overrides: Partial<ReportContent['event']> = {}) {
	const device = randomId();
	return {
		eventId: randomId(),
		deviceId: device,
		keyHash: await sha256Hex(randomEventKey()),
		event: {
			name: 'Café & lettres « solidaires »',
			venue: 'Salle 2',
			city: 'Trois-Rivières',
			province: 'QC' as const,
			date: '2026-12-10',
			updatedAt: 1_790_000_000_000,
			updatedBy: device,
			...overrides
		},
		counters
	};
}

/** Every case of the pack in every kind, plus both head counts, all non-zero. */
function fullCounters(): CounterState[] {
	return [
		...[...caseIds].flatMap((caseId, i) =>
			CASE_KINDS.map((kind, k) => ({ caseId, kind, plus: 40 + i * 7 + k, minus: k }))
		),
		{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 212, minus: 2 },
		{ caseId: EVENT_CASE_ID, kind: 'firstTimers', plus: 37, minus: 0 }
	];
}

describe('report by QR payload', () => {
	it('round-trips, and the decoded snapshot passes the sync’s own rules', async () => {
		const key = await generateSigningKey();
		const input = await content([
			{ caseId: [...caseIds][0]!, kind: 'letter', plus: 14, minus: 1 },
			{ caseId: [...caseIds][0]!, kind: 'card', plus: 0, minus: 0 },
			{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 23, minus: 0 }
		]);
		const payload = await signReport(input, key);
		const decoded = decodeReport(payload);
		expect(decoded.ok).toBe(true);
		if (!decoded.ok) return;
		expect(decoded.value.eventId).toBe(input.eventId);
		expect(decoded.value.keyHash).toBe(input.keyHash);
		expect(toBase64Url(decoded.value.publicKey)).toBe(publicKeyText(key));
		expect(await verifyReport(decoded.value)).toBe(true);
		const parsed = parseCounterSnapshot(decoded.value.snapshot, caseIds);
		expect(parsed).toEqual({
			ok: true,
			value: {
				format: 1,
				deviceId: input.deviceId,
				event: input.event,
				// Zero counters stay off the code.
				counters: [input.counters[0], input.counters[2]]
			}
		});
	});

	it('refuses the signature when any single byte is flipped', async () => {
		const key = await generateSigningKey();
		const payload = await signReport(
			await content([{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 9, minus: 0 }]),
			key
		);
		const bytes = fromBase64Url(payload)!;
		for (let i = 0; i < bytes.length; i++) {
			const changed = bytes.slice();
			changed[i]! ^= 0x01;
			const decoded = decodeReport(toBase64Url(changed));
			// Either the framing breaks, or the signature does: never a valid report.
			if (decoded.ok) expect(await verifyReport(decoded.value), `byte ${i}`).toBe(false);
		}
	});

	it('refuses another key’s signature over the same content', async () => {
		const input = await content([]);
		const mine = decodeReport(await signReport(input, await generateSigningKey()));
		const theirs = decodeReport(await signReport(input, await generateSigningKey()));
		if (!mine.ok || !theirs.ok) throw new Error('decode');
		expect(await verifyReport({ ...mine.value, signature: theirs.value.signature })).toBe(false);
	});

	it('refuses framing errors with a message', () => {
		expect(decodeReport('not base64!').ok).toBe(false);
		expect(decodeReport('AAAA').ok).toBe(false);
		expect(decodeReport(toBase64Url(new Uint8Array(100).fill(2))).ok).toBe(false);
	});

	it('a detail the sync refuses is refused in a report', async () => {
		const key = await generateSigningKey();
		for (const bad of [{ province: 'XX' }, { date: '2026-02-30' }, { city: 'x'.repeat(101) }]) {
			const payload = await signReport(
				await content([], bad as Partial<ReportContent['event']>),
				key
			);
			const decoded = decodeReport(payload);
			if (!decoded.ok) throw new Error(decoded.message);
			expect(await verifyReport(decoded.value)).toBe(true);
			const parsed = parseCounterSnapshot(decoded.value.snapshot, caseIds);
			expect(parsed.ok && 'accepted').toBe(false);
			if (!parsed.ok) expect(parsed.code).toBe('bad_event');
		}
		const unknownCase = decodeReport(
			await signReport(
				await content([{ caseId: 'no-such-case', kind: 'letter', plus: 1, minus: 0 }]),
				key
			)
		);
		if (!unknownCase.ok) throw new Error('decode');
		const parsed = parseCounterSnapshot(unknownCase.value.snapshot, caseIds);
		expect(parsed.ok ? 'accepted' : parsed.code).toBe('unknown_case');
	});

	it('fits a small event in one code and splits a full one into parts that reassemble', async () => {
		const key = await generateSigningKey();
		const small = await signReport(
			await content([{ caseId: [...caseIds][1]!, kind: 'letter', plus: 31, minus: 2 }]),
			key
		);
		expect(reportLinks(ORIGIN, small)).toEqual([`${ORIGIN}/r#${small}`]);

		const full = await signReport(await content(fullCounters()), key);
		const links = reportLinks(ORIGIN, full);
		console.info(
			`${caseIds.size} cases × 4 kinds + 2 head counts: ${fromBase64Url(full)!.length} bytes, ` +
				`${full.length} base64url characters, ${links.length} codes`
		);
		expect(links.length).toBeGreaterThan(1);
		for (const link of links) expect(link.length).toBeLessThanOrEqual(MAX_CODE_CHARS);
		const parts: string[] = [];
		for (const link of [...links].reverse()) {
			const fragment = parseReportFragment(link);
			if (fragment?.kind !== 'part') throw new Error(`not a part: ${link}`);
			expect(fragment.count).toBe(links.length);
			parts[fragment.index - 1] = fragment.chunk;
		}
		expect(assembleParts(parts.slice(0, -1), links.length)).toBeNull();
		expect(assembleParts(parts, links.length)).toBe(full);
		const decoded = decodeReport(full);
		expect(decoded.ok && (await verifyReport(decoded.value))).toBe(true);
	});

	it('reads whole and part fragments and refuses others', () => {
		expect(parseReportFragment('#abc_-')).toEqual({ kind: 'whole', payload: 'abc_-' });
		expect(parseReportFragment('https://x.test/r#abcdefgh.2.3.QUJD')).toEqual({
			kind: 'part',
			id: 'abcdefgh',
			index: 2,
			count: 3,
			chunk: 'QUJD'
		});
		expect(parseReportFragment('#abcdefgh.4.3.QUJD')).toBeNull();
		expect(parseReportFragment('#abcdefgh.1.1.QUJD')).toBeNull();
		expect(parseReportFragment('#a b')).toBeNull();
	});

	it('the sync body’s public key: its shape on every sync, the curve where it is stored', async () => {
		const key = await generateSigningKey();
		expect(isPublicKeyText(publicKeyText(key))).toBe(true);
		const raw = fromBase64Url(publicKeyText(key))!;
		raw[64]! ^= 1;
		expect(isPublicKeyText(toBase64Url(raw))).toBe(false);
		const body = (publicKey: unknown) => ({
			format: 1,
			deviceId: randomId(),
			event: { name: '', venue: '', city: '', province: 'ON', date: '2026-12-10', updatedAt: 1 },
			counters: [],
			publicKey
		});
		const good = parseCounterSnapshot(body(publicKeyText(key)), caseIds);
		expect(good.ok && good.value.publicKey).toBe(publicKeyText(key));
		const text = publicKeyText(key);
		// The last character's two spare bits set: the same bytes, another spelling.
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		const respelt = text.slice(0, -1) + alphabet[alphabet.indexOf(text.at(-1)!) | 1];
		for (const bad of ['A'.repeat(87), text.slice(1), `${text}A`, respelt, 42]) {
			const parsed = parseCounterSnapshot(body(bad), caseIds);
			expect(parsed.ok ? 'accepted' : parsed.code, String(bad)).toBe('bad_public_key');
		}
	});
});
