#!/usr/bin/env bash
# Tags the released commit v<version>, moves the major tag (v1) that app repositories pin Gantry's actions by, and
# creates the GitHub release with the version's CHANGELOG section. The action bundles are committed on main, so the
# tagged commit serves `uses: gantry-ci/gantry/actions/<stage>@…` as it is. Safe to re-run.
# Environment: GANTRY_VERSION, GH_TOKEN.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=lib.sh
source scripts/release/lib.sh

[[ -n ${GANTRY_VERSION:-} ]] || die "GANTRY_VERSION is not set"
[[ $(node -p "require('./package.json').version") == "$GANTRY_VERSION" ]] || die "package.json is not at $GANTRY_VERSION"
for stage in actions/*/; do
  [[ -f $stage/dist/index.cjs ]] || die "$stage has no committed bundle (dist/index.cjs)"
done
tag=v$GANTRY_VERSION
major=v${GANTRY_VERSION%%.*}
notes=$(mktemp)
trap 'rm -f "$notes"' EXIT
node scripts/release/notes.mjs "$GANTRY_VERSION" >"$notes"

commit=$(git rev-parse HEAD)
if existing=$(git rev-parse --quiet --verify "refs/tags/$tag^{commit}"); then
  [[ $existing == "$commit" ]] || die "$tag already points at $existing, not $commit"
else
  git tag --annotate "$tag" --message "gantry-ci $GANTRY_VERSION" "$commit"
fi
git tag --force --annotate "$major" --message "gantry-ci $GANTRY_VERSION (latest $major release)" "$commit"
push origin "refs/tags/$tag"
push --force origin "refs/tags/$major"

if gh release view "$tag" >/dev/null 2>&1; then
  printf 'release: the GitHub release %s exists already\n' "$tag"
else
  gh release create "$tag" --verify-tag --title "$tag" --notes-file "$notes"
fi
printf 'release: %s at %s, %s moved to it\n' "$tag" "$commit" "$major"
