/**
 * The shapes of the organizers' figures, shared by the server's read model and the pages that
 * draw them. Every number is a sum over devices of plus − minus, computed by the database.
 */
import type { CaseKind, Province } from './domain';

/** Actions for the cases, per kind, and their total. */
export type KindFigures = Record<CaseKind, number> & { total: number };

/** The head counts of an event (or a sum of events). */
export interface HeadCounts {
	participants: number;
	firstTimers: number;
}

export interface CaseFigures extends KindFigures {
	caseId: string;
	/** In the page's language; the id itself when no pack knows the case. */
	name: string;
}

export interface ProvinceFigures extends KindFigures, HeadCounts {
	province: Province;
	events: number;
}

/** An event as the organizers' lists show it. */
export interface EventSummary {
	id: string;
	name: string;
	venue: string;
	city: string;
	province: Province;
	/** YYYY-MM-DD, the event's own calendar day. */
	date: string;
	/** Server time of the last sync or relayed report, ms since the epoch. */
	lastSyncAt: number;
	/** When the server first heard of the event. */
	createdAt: number;
}

/** An event with the organizers' contact its host gave ('' when none): follow-up only. */
export interface EventToFollowUp extends EventSummary {
	groupName: string;
	contactEmail: string;
}

export interface EventFigures extends EventSummary, KindFigures, HeadCounts {
	/** Distinct devices that sent counters for the event. */
	devices: number;
}
