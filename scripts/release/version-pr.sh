#!/usr/bin/env bash
# Turns the pending changesets into a version and CHANGELOG.md (`changeset version`), regenerates the files that carry
# the version, and keeps one "Version Packages" pull request current on the branch changeset-release/<base>.
# Environment: GH_TOKEN (push and the gh CLI), GANTRY_RELEASE_BASE (default main).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=lib.sh
source scripts/release/lib.sh

base=${GANTRY_RELEASE_BASE:-main}
branch=changeset-release/$base

git switch --force-create "$branch"
npx changeset version
# package.json keeps the version changesets wrote; the Jenkins stage catalog and the lock file follow it.
PROJEN_DISABLE_POST=1 npx projen
npm install --package-lock-only --prefer-offline --ignore-scripts --no-audit --no-fund
version=$(node -p "require('./package.json').version")
notes=$(node scripts/release/notes.mjs "$version")

git add --all
git commit --quiet --message "Version Packages: v$version"
push --force origin "HEAD:refs/heads/$branch"

title="Version Packages: v$version"
body=$(printf 'Merging this releases v%s: npm publish with provenance, the tag, the GitHub release and the moved major tag.\n\n%s\n' "$version" "$notes")
number=$(gh pr list --head "$branch" --base "$base" --state open --json number --jq '.[0].number // empty')
if [[ -n $number ]]; then
  gh pr edit "$number" --title "$title" --body "$body"
  printf 'release: updated pull request #%s (%s)\n' "$number" "$title"
else
  gh pr create --head "$branch" --base "$base" --title "$title" --body "$body"
  printf 'release: opened a pull request (%s)\n' "$title"
fi
