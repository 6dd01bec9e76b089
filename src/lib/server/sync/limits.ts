/**
 * What one anonymous client may make the server store (docs/api.md, "Limits"). Every value has
 * a default and an environment variable; tests pass their own.
 */

export interface SyncLimits {
	/** Devices counting for one event, unless an organizer set the event's own cap. */
	maxDevicesPerEvent: number;
	/** New events one client address may register per window. */
	registrationsPerWindow: number;
	registrationWindowMs: number;
	/** How far ahead of the server's clock a stamp (event details, contact) may be. */
	maxClockAheadMs: number;
}

export const DEFAULT_LIMITS: SyncLimits = {
	// A table rarely has more than a handful of phones; 50 leaves room for a big event.
	maxDevicesPerEvent: 50,
	registrationsPerWindow: 20,
	registrationWindowMs: 60 * 60 * 1000,
	// Devices' clocks drift, and a phone set by hand can be minutes off: a stamp a little ahead
	// is a clock, not an attack. Far ahead, it would pin the details against every later edit.
	maxClockAheadMs: 5 * 60 * 1000
};

/** The largest cap an organizer may set for one event. */
export const MAX_DEVICES_CEILING = 10_000;

function positive(value: string | undefined, fallback: number): number {
	if (value === undefined || value.trim() === '') return fallback;
	const number = Number(value);
	if (!Number.isSafeInteger(number) || number < 1) {
		throw new Error(`expected a whole number of at least 1, got "${value}"`);
	}
	return number;
}

/** MAX_DEVICES_PER_EVENT, REGISTRATIONS_PER_HOUR (per address). The sync rate per event is the
 * server entry's (scripts/event-rate.js), before SvelteKit. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): SyncLimits {
	return {
		...DEFAULT_LIMITS,
		maxDevicesPerEvent: positive(env.MAX_DEVICES_PER_EVENT, DEFAULT_LIMITS.maxDevicesPerEvent),
		registrationsPerWindow: positive(
			env.REGISTRATIONS_PER_HOUR,
			DEFAULT_LIMITS.registrationsPerWindow
		)
	};
}

export const registrationBucket = (address: string) => `address:${address.slice(0, 100)}`;
