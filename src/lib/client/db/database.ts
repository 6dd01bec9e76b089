import { Dexie, type Table } from 'dexie';
import type {
	CaseRow,
	CounterRow,
	EventRow,
	HighlightPhotoRow,
	HighlightRow,
	MetaRow,
	PackRow,
	RelayedRow,
	SyncStateRow
} from './rows';

export class LetterdayDB extends Dexie {
	events!: Table<EventRow, string>;
	counters!: Table<CounterRow, [string, string, string]>;
	syncState!: Table<SyncStateRow, string>;
	cases!: Table<CaseRow, [string, string]>;
	packs!: Table<PackRow, string>;
	meta!: Table<MetaRow, string>;
	relayed!: Table<RelayedRow, [string, string]>;
	highlights!: Table<HighlightRow, string>;
	highlightPhotos!: Table<HighlightPhotoRow, string>;

	constructor(name = 'letterday') {
		super(name);
		this.version(1).stores({
			events: 'id, date, createdAt',
			counters: '[eventId+caseId+kind], eventId, dirty, [eventId+dirty]',
			syncState: 'eventId',
			cases: '[lang+id], [lang+position]',
			packs: 'lang',
			meta: 'key'
		});
		// Version 2 adds the counts a backup brought from other devices, sent on their behalf.
		this.version(2).stores({
			relayed: '[eventId+deviceId], eventId, pending'
		});
		// Version 3 adds highlights (photos, quotes, poems), read per event and by upload state,
		// and their photos' bytes beside them.
		this.version(3).stores({
			highlights: 'id, eventId, state',
			highlightPhotos: 'id'
		});
	}
}

let instance: LetterdayDB | undefined;

/** The lazy singleton: opened on first use in the browser, never on the server. */
export function db(): LetterdayDB {
	instance ??= new LetterdayDB();
	return instance;
}

/** For tests: use a fresh database (each test names its own). */
export function useDatabase(database: LetterdayDB): void {
	instance = database;
}
