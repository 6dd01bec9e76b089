/**
 * The device's calendar day as YYYY-MM-DD, in the device's own time zone. An event's date is the
 * day on the wall calendar where it happens, so "today" must be the host's local day: UTC's day
 * (toISOString) is already tomorrow on a Canadian evening, which made the new-event form default
 * to tomorrow and listed tonight's event as past. Every "today" in the host app comes from here.
 */
export function localDay(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
