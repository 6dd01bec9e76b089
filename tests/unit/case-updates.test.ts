import { describe, expect, it } from 'vitest';
import {
	CASE_STATUSES,
	latestStatus,
	NOTE_MAX,
	parseCaseUpdate,
	STATUS_LABELS
} from '$lib/shared/case-updates';

const ids = new Set(['case-a', 'case-b']);
const good = {
	caseId: 'case-a',
	date: '2026-11-20',
	status: 'released',
	noteEn: 'Test update: the suite checks this note.',
	noteFr: 'Mise à jour de test : la suite vérifie cette note.'
};
const today = '2026-11-26';

describe('parseCaseUpdate', () => {
	it('accepts a full update, trims the notes and keeps their paragraphs', () => {
		const parsed = parseCaseUpdate(
			{ ...good, noteEn: '  First.\r\n\r\nSecond.  ', status: '' },
			today,
			ids
		);
		expect(parsed).toEqual({
			ok: true,
			value: { ...good, noteEn: 'First.\n\nSecond.', status: null }
		});
	});

	it('accepts today and refuses tomorrow, a day that does not exist and a bad shape', () => {
		expect(parseCaseUpdate({ ...good, date: today }, today, ids).ok).toBe(true);
		const problem = (date: string) => {
			const parsed = parseCaseUpdate({ ...good, date }, today, ids);
			return parsed.ok ? null : parsed.problems.date;
		};
		expect(problem('2026-11-27')).toBe('future_date');
		expect(problem('2026-02-29')).toBe('bad_date');
		expect(problem('26/11/2026')).toBe('bad_date');
		expect(problem('')).toBe('required');
	});

	it('names every problem at once: unknown case, status, empty and long notes, control characters', () => {
		const parsed = parseCaseUpdate(
			{
				caseId: 'not-in-a-pack',
				date: today,
				status: 'freed',
				noteEn: 'x'.repeat(NOTE_MAX + 1),
				noteFr: 'bell\u0007'
			},
			today,
			ids
		);
		expect(parsed).toEqual({
			ok: false,
			problems: {
				caseId: 'unknown_case',
				status: 'bad_status',
				noteEn: 'too_long',
				noteFr: 'control_character'
			}
		});
		const empty = parseCaseUpdate({}, today, ids);
		expect(empty.ok ? null : empty.problems).toEqual({
			caseId: 'required',
			date: 'required',
			noteEn: 'required',
			noteFr: 'required'
		});
	});

	it('counts characters, not UTF-16 units, against the cap', () => {
		expect(parseCaseUpdate({ ...good, noteFr: 'é'.repeat(NOTE_MAX) }, today, ids).ok).toBe(true);
		expect(parseCaseUpdate({ ...good, noteEn: '😀'.repeat(NOTE_MAX) }, today, ids).ok).toBe(true);
	});
});

describe('statuses', () => {
	it('has a label for every status in both languages', () => {
		for (const status of CASE_STATUSES) {
			expect(STATUS_LABELS.en[status]).toMatch(/\S/);
			expect(STATUS_LABELS.fr[status]).toMatch(/\S/);
		}
	});

	it('takes the latest status an update set', () => {
		const u = (status: 'released' | 'sentenced' | null) => ({
			id: 'x',
			date: today,
			status,
			note: 'n'
		});
		expect(latestStatus([u(null), u('sentenced'), u('released')])).toBe('sentenced');
		expect(latestStatus([u(null)])).toBeNull();
		expect(latestStatus(undefined)).toBeNull();
	});
});
