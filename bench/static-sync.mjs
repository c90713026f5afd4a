#!/usr/bin/env node
// Side by side: publishing a 5,000-file site with `gantry run publish-static` and with `aws s3 sync`, against the
// loopback stack's emulator. Each tool syncs the site into a bucket of its own; then the site is rebuilt (every
// file rewritten, so every mtime is new) with 1% of the contents changed, and each syncs again. A recording proxy
// in front of the emulator counts the objects each upload run writes. Run with the stack up and lib/ compiled:
//   node lib/bin/gantry.mjs local up && npx projen compile && node bench/static-sync.mjs [files]
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const files = Number(process.argv[2] ?? 5000);
const AWS = process.env.GANTRY_AWS_CLI ?? '/opt/gantry/bin/aws';
const localEnv = Object.fromEntries(
  execFileSync(process.execPath, ['lib/bin/gantry.mjs', 'local', 'env'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => /^export (\w+)='(.*)'$/.exec(line).slice(1, 3)),
);
const emulator = new URL(localEnv.AWS_ENDPOINT_URL);

// The recording proxy: every request is counted, then forwarded unchanged.
let requests = [];
const proxy = createServer((req, res) => {
  requests.push({ method: req.method, url: req.url });
  const forward = request({ host: emulator.hostname, port: emulator.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  forward.on('error', (error) => res.writeHead(502).end(String(error)));
  req.pipe(forward);
});
await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const proxyUrl = `http://127.0.0.1:${proxy.address().port}`;
const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...localEnv, AWS_ENDPOINT_URL: proxyUrl, AWS_PAGER: '' };

/** The kinds of files a built site has; `changed(i)` gives file i other content. */
function writeSite(dir, changed) {
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < files; i++) {
    const body = `file ${i} revision ${changed(i) ? 1 : 0} ${'lorem ipsum '.repeat(20 + (i % 40))}`;
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 8);
    const path = [`s${i % 17}/page-${i}/index.html`, `s${i % 17}/page-${i}.html`, `assets/app-${i}.${hash}.js`, `css/plain-${i}.css`, `img/picture-${i}.png`][i % 5];
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
}

const writes = (list) => list.filter((r) => (r.method === 'PUT' && !/[?&]partNumber=/.test(r.url)) || (r.method === 'POST' && /[?&]uploads(=|&|$)/.test(r.url))).length;
const deletes = (list) => list.filter((r) => r.method === 'POST' && /[?&]delete(=|&|$)/.test(r.url)).length;

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`))));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'gantry-bench-site-'));
const site = join(dir, 'public');
const stamp = Date.now().toString(36);
const buckets = { gantry: `bench-gantry-${stamp}`, aws: `bench-aws-${stamp}` };
for (const bucket of Object.values(buckets)) execFileSync(AWS, ['s3', 'mb', `s3://${bucket}`, '--endpoint-url', emulator.href], { env, stdio: 'ignore' });

const tools = {
  'gantry run publish-static': (bucket) => run(process.execPath, ['lib/bin/gantry.mjs', 'run', 'publish-static', '--aws-region', localEnv.AWS_REGION, '--source-dir', site, '--bucket', bucket]),
  'aws s3 sync --delete': (bucket) => run(AWS, ['s3', 'sync', site, `s3://${bucket}`, '--delete', '--only-show-errors', '--endpoint-url', proxyUrl]),
};
const rows = [];
async function measure(scenario) {
  for (const [name, sync] of Object.entries(tools)) {
    requests = [];
    const started = process.hrtime.bigint();
    await sync(name.startsWith('gantry') ? buckets.gantry : buckets.aws);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rows.push(`| ${scenario} | ${name} | ${seconds.toFixed(1)} | ${writes(requests)} | ${requests.length} |`);
  }
}

writeSite(site, () => false);
await measure(`first sync, ${files} files`);
await new Promise((resolve) => setTimeout(resolve, 1100)); // the rebuild's mtimes are newer than every upload
// 1% changed, every kind of file in turn; a fingerprinted script that changes gets a new name (an upload and a deletion).
writeSite(site, (i) => i % 100 === 13 + (Math.floor(i / 100) % 5));
await measure(`rebuild: all mtimes new, ${files / 100} contents changed`);
await measure('nothing changed');

console.log(`| scenario | tool | wall s | objects uploaded | requests |\n| --- | --- | ---: | ---: | ---: |\n${rows.join('\n')}`);
proxy.close();
rmSync(dir, { recursive: true, force: true });
