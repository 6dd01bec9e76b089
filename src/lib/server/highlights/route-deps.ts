/** What the highlight routes use in a server process: the shared database and media store. */
import { getDb } from '$lib/server/db';
import { getMediaStore } from '$lib/server/media';
import type { HighlightDeps } from './access';

export const highlightRouteDeps: HighlightDeps = { database: getDb, media: getMediaStore };
