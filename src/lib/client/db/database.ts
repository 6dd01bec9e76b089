import { Dexie, type Table } from 'dexie';
import type { CaseRow, CounterRow, EventRow, MetaRow, PackRow, SyncStateRow } from './rows';

export class LetterdayDB extends Dexie {
	events!: Table<EventRow, string>;
	counters!: Table<CounterRow, [string, string, string]>;
	syncState!: Table<SyncStateRow, string>;
	cases!: Table<CaseRow, [string, string]>;
	packs!: Table<PackRow, string>;
	meta!: Table<MetaRow, string>;

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
