/**
 * WEB_CONCURRENCY > 1 (scripts/serve.js): this process forks that many workers, each running the
 * whole server on the same port (node:cluster hands them the connections in turn), and only
 * watches them. The first worker is forked alone and the others once it listens, so the
 * database migrations run once rather than racing (SQLite has no migration lock). A worker that
 * dies after it listened is replaced; one that dies before means the server cannot start (a bad
 * setting, the port taken), and the whole server stops rather than fork it forever. SIGTERM or
 * SIGINT is passed to every worker, each of which finishes its requests (SHUTDOWN_TIMEOUT), and
 * this process exits once they all have.
 *
 * It is for PostgreSQL: on SQLite every process takes its turn on the one write lock (and each
 * groups only its own syncs), so a second process adds about a tenth more syncs, not twice.
 */
import cluster from 'node:cluster';
import process from 'node:process';

/** @param {number} count */
export function supervise(count) {
	let stopping = false;
	/** @type {Set<number>} ids of workers that listened at least once */
	const listened = new Set();
	cluster.on('listening', (worker) => {
		const first = listened.size === 0;
		listened.add(worker.id);
		if (first) for (let n = 1; n < count; n += 1) cluster.fork();
	});
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
			return;
		}
		const how = signal ? `signal ${signal}` : `code ${code}`;
		if (!listened.has(worker.id)) {
			console.error(`worker ${worker.process.pid} exited (${how}) before listening: stopping`);
			stop(1);
			return;
		}
		console.error(`worker ${worker.process.pid} exited (${how}): starting another`);
		cluster.fork();
	});

	/** @param {number} [code] */
	function stop(code = 0) {
		stopping = true;
		const alive = Object.values(cluster.workers ?? {});
		if (alive.length === 0) process.exit(code);
		for (const worker of alive) worker?.process.kill('SIGTERM');
		if (code !== 0) process.exitCode = code;
	}
	process.on('SIGTERM', () => stop());
	process.on('SIGINT', () => stop());
	cluster.fork();
}
