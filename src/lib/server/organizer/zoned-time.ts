/**
 * Wall-clock days in a time zone, with nothing but Intl (Node ships the full time zone data).
 * An event's date is a calendar day where it happens; the server's times are instants.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(zone: string): Intl.DateTimeFormat {
	let format = formats.get(zone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formats.set(zone, format);
	}
	return format;
}

/** How far the zone's wall clock is ahead of UTC at `instant` (negative west of Greenwich). */
export function zoneOffsetMs(zone: string, instant: number): number {
	const parts = wallClockFormat(zone).formatToParts(new Date(instant));
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second')
	);
	return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant midnight begins `day` (YYYY-MM-DD) plus `addDays` in `zone`. Canada changes its
 * clocks at 2 a.m., never at midnight, so midnight always exists; the second pass takes the
 * offset in force at the answer rather than at the first guess, which matters on those days.
 */
export function startOfDay(day: string, zone: string, addDays = 0): number {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	const wall = Date.UTC(year, month - 1, date + addDays);
	const guess = wall - zoneOffsetMs(zone, wall);
	return wall - zoneOffsetMs(zone, guess);
}

/** Today's calendar day in `zone`, YYYY-MM-DD. */
export function dayIn(zone: string, instant: number): string {
	const parts = wallClockFormat(zone).formatToParts(new Date(instant));
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
	return `${part('year')}-${part('month')}-${part('day')}`;
}
