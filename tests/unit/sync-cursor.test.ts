/**
 * The cursor on the wire (docs/api.md, "Cursor"): a request's cursor is checked strictly, an
 * answer's delta comes with its cursor and check, and a device merges, replaces or ignores an
 * answer's totals by the rules of answer-totals.ts.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_CASE_ID, SYNC_FORMAT_VERSION, type CounterTotal } from '$lib/shared/domain';
import { parseCounterSnapshot, parseSyncAnswer } from '$lib/shared/sync-wire';
import { addToCheck, parseCursor, totalsCheck } from '$lib/shared/totals-cursor';
import { totalsAfter } from '$lib/client/sync/answer-totals';

const CASES = new Set(['case-one', 'case-two']);
const body = (extra: Record<string, unknown> = {}) => ({
	format: SYNC_FORMAT_VERSION,
	deviceId: 'device-0000000000001',
	event: {
		name: 'Write-in',
		venue: 'Library',
		city: 'Halifax',
		province: 'NS',
		date: '2026-12-10',
		updatedAt: 1000
	},
	counters: [{ caseId: 'case-one', kind: 'letter', plus: 2, minus: 0 }],
	...extra
});

describe('the cursor a request sends', () => {
	it('is kept when well formed', () => {
		const parsed = parseCounterSnapshot(body({ cursor: 'mi3k0xyz.42' }), CASES);
		expect(parsed.ok && parsed.value.cursor).toBe('mi3k0xyz.42');
		expect(parseCursor('mi3k0xyz.42')).toEqual({ epoch: 'mi3k0xyz', version: 42 });
	});

	it.each([
		42,
		null,
		'',
		'mi3k0xyz',
		'mi3k0xyz.',
		'.42',
		'MI3K.42',
		'mi3k.-1',
		'mi3k.042',
		'mi3k.1.2',
		'mi3k.1234567890123456',
		'abcdefghijklm.1'
	])('refuses %j with bad_cursor', (cursor) => {
		const parsed = parseCounterSnapshot(body({ cursor }), CASES);
		expect(parsed).toMatchObject({ ok: false, code: 'bad_cursor' });
	});
});

const t = (caseId: string, kind: string, total: number) =>
	({ caseId, kind, total }) as CounterTotal;
const answerOf = (extra: Record<string, unknown>) => ({
	format: SYNC_FORMAT_VERSION,
	event: { ...body().event, updatedBy: 'device-0000000000001' },
	totals: [t('case-one', 'letter', 2)],
	devices: 1,
	syncedAt: 5000,
	...extra
});

describe('the answer a device reads', () => {
	it('without full nor cursor (an older server) is a full set', () => {
		const parsed = parseSyncAnswer(answerOf({}));
		expect(parsed.ok && parsed.value.full).toBe(true);
		expect(parsed.ok && parsed.value.cursor).toBeUndefined();
	});

	it('a delta needs its cursor and its check', () => {
		expect(parseSyncAnswer(answerOf({ full: false, check: 1 })).ok).toBe(false);
		expect(parseSyncAnswer(answerOf({ full: false, cursor: 'a.1' })).ok).toBe(false);
		expect(parseSyncAnswer(answerOf({ full: 'no', cursor: 'a.1', check: 1 })).ok).toBe(false);
		const parsed = parseSyncAnswer(answerOf({ full: false, cursor: 'a.1', check: 7 }));
		expect(parsed.ok && parsed.value).toMatchObject({ full: false, cursor: 'a.1', check: 7 });
	});
});

describe('totals after an answer', () => {
	const held = [t(EVENT_CASE_ID, 'participants', 4), t('case-one', 'letter', 2)];
	const heldAt = { totals: held, cursor: 'ep.5' };

	it('a full set replaces what is held', () => {
		const totals = [t('case-two', 'card', 1)];
		expect(totalsAfter(heldAt, { totals, full: true, cursor: 'ep.6', check: 0 }, 'ep.5')).toEqual({
			kind: 'store',
			totals,
			cursor: 'ep.6'
		});
	});

	it('a delta is merged, and must give the server check', () => {
		const merged = [
			t(EVENT_CASE_ID, 'participants', 4),
			t('case-one', 'letter', 3),
			t('case-two', 'card', 1)
		];
		const delta = [t('case-one', 'letter', 3), t('case-two', 'card', 1)];
		const answer = { totals: delta, full: false, cursor: 'ep.7', check: totalsCheck(merged) };
		expect(totalsAfter(heldAt, answer, 'ep.5')).toEqual({
			kind: 'store',
			totals: merged,
			cursor: 'ep.7'
		});
		// The same delta on a copy that diverged (one total off): the check tells.
		const off = {
			totals: [t(EVENT_CASE_ID, 'participants', 5), t('case-one', 'letter', 2)],
			cursor: 'ep.5'
		};
		expect(totalsAfter(off, answer, 'ep.5')).toEqual({ kind: 'diverged' });
	});

	it('an answer older than the totals held changes nothing', () => {
		const answer = { totals: [], full: false, cursor: 'ep.4', check: totalsCheck(held) };
		expect(totalsAfter(heldAt, answer, 'ep.3')).toEqual({ kind: 'stale' });
		expect(totalsAfter(heldAt, { ...answer, full: true }, undefined)).toEqual({ kind: 'stale' });
	});

	it('a delta since a cursor of another epoch, or with nothing held, asks for the full set', () => {
		const answer = { totals: [], full: false, cursor: 'other.9', check: totalsCheck(held) };
		expect(totalsAfter(heldAt, answer, 'other.8')).toEqual({ kind: 'diverged' });
		expect(totalsAfter(undefined, answer, 'other.8')).toEqual({ kind: 'diverged' });
		expect(totalsAfter({ totals: held, cursor: null }, answer, 'other.8')).toEqual({
			kind: 'diverged'
		});
	});

	it('the check is a sum: moving totals one by one gives the check of the whole set', () => {
		let check = 0;
		check = addToCheck(check, 'case-one', 'letter', 5);
		check = addToCheck(check, 'case-two', 'card', 3);
		check = addToCheck(check, 'case-one', 'letter', -2);
		expect(check).toBe(totalsCheck([t('case-one', 'letter', 3), t('case-two', 'card', 3)]));
		expect(check).not.toBe(totalsCheck([t('case-one', 'letter', 3), t('case-two', 'card', 2)]));
	});
});
