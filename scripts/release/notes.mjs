#!/usr/bin/env node
// The release notes of one version: its section of CHANGELOG.md (as `changeset version` writes it), without the
// heading. Fails when the section is missing, so a release never goes out with empty notes.
import { readFileSync } from 'node:fs';

const version = process.argv[2];
if (!version) throw new Error('usage: notes.mjs <version>');
const lines = readFileSync('CHANGELOG.md', 'utf8').split('\n');
const start = lines.findIndex((line) => line.trim() === `## ${version}`);
if (start < 0) throw new Error(`CHANGELOG.md has no section '## ${version}'`);
const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
const notes = lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
if (!notes) throw new Error(`CHANGELOG.md: the section '## ${version}' is empty`);
process.stdout.write(`${notes}\n`);
