/**
 * The relay page's state: read a report code (the link's fragment, or a code scanned in the
 * page), gather the parts of a multi-code report in localStorage, send it once whole, and keep
 * it until it went through. Resending is always safe: the server max-merges.
 */
import { CASE_KINDS, EVENT_KINDS, type CounterKind } from '$lib/shared/domain';
import { assembleParts, decodeReport, kindTotals, parseReportFragment } from '$lib/shared/report';
import { postReport } from '$lib/client/sync/transport';

export type RelayPhase =
	| { kind: 'reading' }
	| { kind: 'empty' }
	| { kind: 'bad' }
	| { kind: 'parts'; received: number; total: number; otherReport: boolean }
	| { kind: 'sending' }
	| { kind: 'offline' }
	| { kind: 'sent' }
	| { kind: 'elsewhere' }
	| { kind: 'refused'; code: string; message: string }
	| { kind: 'server' };

export interface ReportSummary {
	name: string;
	city: string;
	date: string;
	/** Per kind, plus - minus over every case, kinds in their usual order. */
	totals: [CounterKind, number][];
}

interface StoredParts {
	total: number;
	parts: (string | null)[];
}

const PARTS_PREFIX = 'letterday.report.';

/** localStorage where the browser allows it; a private window may refuse. Not reactive state:
 * the phase says what the page shows. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const memory = new Map<string, string>();
const store = {
	get(key: string): string | null {
		try {
			return localStorage.getItem(key);
		} catch {
			return memory.get(key) ?? null;
		}
	},
	set(key: string, value: string) {
		try {
			localStorage.setItem(key, value);
		} catch {
			memory.set(key, value);
		}
	},
	remove(key: string) {
		try {
			localStorage.removeItem(key);
		} catch {
			memory.delete(key);
		}
	}
};

export class Relay {
	#phase = $state<RelayPhase>({ kind: 'reading' });
	#summary = $state<ReportSummary | null>(null);
	#report: { eventId: string; payload: string; partsId: string | null } | null = null;
	#collecting: string | null = null;

	get phase(): RelayPhase {
		return this.#phase;
	}

	get summary(): ReportSummary | null {
		return this.#summary;
	}

	/** True while more codes of a multi-code report are wanted. */
	get wantsParts(): boolean {
		return this.#phase.kind === 'parts';
	}

	/** Reads a link, or just its fragment: the page's own address, or a code scanned in the page. */
	take(text: string): void {
		const fragment = parseReportFragment(text);
		if (this.#report && this.#phase.kind !== 'bad') return;
		if (!fragment) {
			this.#phase = { kind: text.replace(/^.*#/, '') === '' ? 'empty' : 'bad' };
			return;
		}
		if (fragment.kind === 'whole') {
			this.#accept(fragment.payload, null);
			return;
		}
		if (this.#collecting && this.#collecting !== fragment.id && this.#phase.kind === 'parts') {
			this.#phase = { ...this.#phase, otherReport: true };
			return;
		}
		const key = PARTS_PREFIX + fragment.id;
		let stored: StoredParts | null;
		try {
			stored = JSON.parse(store.get(key) ?? 'null') as StoredParts | null;
		} catch {
			stored = null;
		}
		if (!stored || stored.total !== fragment.count || !Array.isArray(stored.parts)) {
			stored = { total: fragment.count, parts: Array<string | null>(fragment.count).fill(null) };
		}
		stored.parts[fragment.index - 1] = fragment.chunk;
		store.set(key, JSON.stringify(stored));
		this.#collecting = fragment.id;
		this.#gather(fragment.id);
	}

	/**
	 * Another tab of this browser changed the parts (a phone's camera app opens each code in a
	 * tab of its own): count them again, and send if they are now whole.
	 */
	storageChanged(key: string | null): void {
		if (this.#phase.kind !== 'parts' || !this.#collecting) return;
		if (key !== null && key !== PARTS_PREFIX + this.#collecting) return;
		this.#gather(this.#collecting, false);
	}

	/** Counts the stored parts; sends when whole, unless another tab completed them (it sends). */
	#gather(id: string, mine = true): void {
		let stored: StoredParts | null;
		try {
			stored = JSON.parse(store.get(PARTS_PREFIX + id) ?? 'null') as StoredParts | null;
		} catch {
			stored = null;
		}
		const whole = stored && assembleParts(stored.parts, stored.total);
		if (!stored || (whole && !mine)) {
			// Whole, or already removed because it went through: another tab has it.
			this.#phase = { kind: 'elsewhere' };
			return;
		}
		if (whole) {
			this.#accept(whole, id);
			return;
		}
		this.#phase = {
			kind: 'parts',
			received: stored.parts.filter(Boolean).length,
			total: stored.total,
			otherReport: false
		};
	}

	#accept(payload: string, partsId: string | null): void {
		const decoded = decodeReport(payload);
		if (!decoded.ok) {
			this.#phase = { kind: 'bad' };
			if (partsId) store.remove(PARTS_PREFIX + partsId);
			return;
		}
		const { event, counters } = decoded.value.snapshot;
		const totals = kindTotals(counters);
		this.#summary = {
			name: String(event.name),
			city: String(event.city),
			date: String(event.date),
			totals: [...CASE_KINDS, ...EVENT_KINDS]
				.filter((kind) => totals.has(kind))
				.map((kind) => [kind, totals.get(kind)!])
		};
		this.#report = { eventId: decoded.value.eventId, payload, partsId };
		void this.send();
	}

	/** Sends the report; on no connection it waits for `online` (the page calls retry then). */
	async send(): Promise<void> {
		const report = this.#report;
		if (!report || this.#phase.kind === 'sending' || this.#phase.kind === 'sent') return;
		if (typeof navigator !== 'undefined' && navigator.onLine === false) {
			this.#phase = { kind: 'offline' };
			return;
		}
		this.#phase = { kind: 'sending' };
		const outcome = await postReport(report.eventId, report.payload);
		if (outcome.ok) {
			this.#phase = { kind: 'sent' };
			if (report.partsId) store.remove(PARTS_PREFIX + report.partsId);
			return;
		}
		const { failure } = outcome;
		if (failure.kind === 'network') this.#phase = { kind: 'offline' };
		else if (failure.kind === 'server') this.#phase = { kind: 'server' };
		else this.#phase = { kind: 'refused', code: failure.code, message: failure.message };
	}

	/** Back online: send what waits. */
	retry(): void {
		if (this.#phase.kind === 'offline' || this.#phase.kind === 'server') void this.send();
	}
}
