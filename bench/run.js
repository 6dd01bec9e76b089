// `npm run bench`: builds when needed, then prints every benchmark's figures. Each part also runs
// alone: node bench/sync.js, node bench/flood.js, node bench/parse.js, node bench/page-weight.js,
// node bench/host.js [--taps N], node bench/load.js [--devices N] [--seconds N],
// node bench/compression.js.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './server.js';

if (!existsSync(join(root, 'build/index.js')))
	execSync('npx vite build', { cwd: root, stdio: 'inherit' });

const parts = [
	['Sync endpoint (3-counter requests)', ['bench/sync.js']],
	['One event flooded with 1,000 devices, another syncing', ['bench/flood.js']],
	['Sync body parser (hand-written vs valibot)', ['bench/parse.js']],
	['Participant case sheets (bytes transferred, gzip)', ['bench/page-weight.js']],
	['Compressed answers (bytes as sent, CPU per compression)', ['bench/compression.js']],
	['Host app (first load, tap to repaint)', ['bench/host.js', ...process.argv.slice(2)]],
	['A campaign day under load (2,000 devices, 60 s)', ['bench/load.js']]
];
for (const [title, args] of parts) {
	console.log(`\n## ${title}\n`);
	execSync(`node ${args.join(' ')}`, { cwd: root, stdio: 'inherit' });
}
