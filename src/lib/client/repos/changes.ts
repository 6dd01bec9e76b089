/**
 * Tells whoever listens (the sync engine) that an event has changes the server has not seen.
 * The repos call it after their write transaction commits, so no screen has to remember to ask
 * for a sync, and a listener never runs for a write that rolled back.
 */
type Listener = (eventId: string) => void;

const listeners = new Set<Listener>();

export function onLocalChange(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export function notifyLocalChange(eventId: string): void {
	for (const listener of listeners) listener(eventId);
}
