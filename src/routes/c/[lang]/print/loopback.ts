/**
 * Whether printed codes would point at this computer only. `npm start` serves on
 * http://localhost:PORT unless ORIGIN says otherwise, and a phone that scans "localhost" looks
 * for itself: the print kit and the poster say so on screen (never on paper) before anyone prints.
 */
export function isLoopback(origin: string): boolean {
	const { hostname } = new URL(origin);
	return (
		hostname === 'localhost' ||
		hostname.endsWith('.localhost') ||
		hostname === '[::1]' ||
		/^127(\.\d{1,3}){3}$/.test(hostname)
	);
}
