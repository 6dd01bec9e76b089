/**
 * GET /api/events/{eventId}/devices (docs/api.md): the devices that counted for an event, as the
 * host's device reads them. Shared so the server writes and the client reads one shape.
 */
import { isId } from './ids';

export interface CountedDevice {
	deviceId: string;
	/** Server time of its first counts for the event. */
	firstCountedAt: number;
	/** Server time of the latest sync that raised one of its counters (a sync that brought
	 * nothing new leaves it); null only for a device without a counter row. */
	lastCountAt: number | null;
	/** Sum of plus − minus over its cases (head counts apart): its letters, cards, signatures and
	 * online actions. A removed device's are those an organizer took out. */
	actions: number;
	/** An organizer took its counts out: they no longer count, and its syncs are refused. */
	removed: boolean;
}

export interface DevicesAnswer {
	/** First counted first (then by id): a stable order. */
	devices: CountedDevice[];
	/** True when the list stops at the server's bound and more devices counted. */
	more: boolean;
}

const isTime = (value: unknown): value is number =>
	typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function parseDevice(value: unknown): CountedDevice | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const { deviceId, firstCountedAt, lastCountAt, actions, removed } = value as Record<
		string,
		unknown
	>;
	if (!isId(deviceId) || !isTime(firstCountedAt)) return undefined;
	if (lastCountAt !== null && !isTime(lastCountAt)) return undefined;
	if (typeof actions !== 'number' || !Number.isSafeInteger(actions)) return undefined;
	if (typeof removed !== 'boolean') return undefined;
	return { deviceId, firstCountedAt, lastCountAt, actions, removed };
}

/** The answer checked field by field; undefined for anything else. */
export function parseDevicesAnswer(value: unknown): DevicesAnswer | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const { devices, more } = value as Record<string, unknown>;
	if (!Array.isArray(devices) || typeof more !== 'boolean') return undefined;
	const parsed = devices.map(parseDevice);
	if (parsed.some((device) => device === undefined)) return undefined;
	return { devices: parsed as CountedDevice[], more };
}
