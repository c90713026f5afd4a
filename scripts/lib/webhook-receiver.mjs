#!/usr/bin/env node
// A loopback stand-in for Slack's incoming webhooks and any JSON webhook, for the demo: it records each request
// (path and JSON body) as one line of RECORD_FILE and answers 200 "ok", as Slack does. It listens on 127.0.0.1 on a
// free port, writes that port to PORT_FILE, and runs until it is sent SIGTERM.
import { appendFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [portFile, recordFile] = process.argv.slice(2);
if (!portFile || !recordFile) {
  process.stderr.write('usage: webhook-receiver.mjs PORT_FILE RECORD_FILE\n');
  process.exit(2);
}
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    let json;
    try {
      json = JSON.parse(body);
    } catch {
      json = null;
    }
    appendFileSync(recordFile, `${JSON.stringify({ method: request.method, path: request.url, body: json })}\n`);
    response.writeHead(json === null ? 400 : 200, { 'content-type': 'text/plain' }).end(json === null ? 'invalid_payload' : 'ok');
  });
});
server.listen(0, '127.0.0.1', () => writeFileSync(portFile, String(server.address().port)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
