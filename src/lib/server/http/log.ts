/**
 * What the server writes to its log about a request it could not serve. A 404 or 405 is someone
 * asking for a page that is not there (scanners send thousands): one short line, the path capped
 * so a 100 KB URL cannot flood the log. Only real failures get their stack.
 */

const PATH_LIMIT = 120;

export function cappedPath(pathname: string): string {
	return pathname.length > PATH_LIMIT
		? `${pathname.slice(0, PATH_LIMIT)}… (${pathname.length} chars)`
		: pathname;
}

export function logRequestError(
	status: number,
	method: string,
	pathname: string,
	error: unknown,
	write: { warn(line: string): void; error(...parts: unknown[]): void } = console
): void {
	const line = `[${status}] ${method.slice(0, 10)} ${cappedPath(pathname)}`;
	if (status < 500) write.warn(line);
	else write.error(line, error);
}

/**
 * One short line when a request's proof of an event fails (a wrong key, a bad signature), so an
 * operator can see a squatted id or a forger at work. The event id has passed its pattern; the
 * key or signature itself is never written.
 */
export function logRefusedProof(
	what: 'sync' | 'report' | 'devices' | 'highlights',
	eventId: string,
	code: string
): void {
	console.warn(`${what} refused for event ${eventId}: ${code}`);
}
