# shellcheck shell=bash
# Shared by the release scripts: git identity and authenticated pushes to GitHub.

die() {
  printf 'release: error: %s\n' "$*" >&2
  exit 1
}

# Commits and tags are the workflow's, unless the checkout already says who.
git config user.name >/dev/null || export GIT_AUTHOR_NAME='github-actions[bot]' GIT_COMMITTER_NAME='github-actions[bot]'
git config user.email >/dev/null ||
  export GIT_AUTHOR_EMAIL='41898282+github-actions[bot]@users.noreply.github.com' GIT_COMMITTER_EMAIL='41898282+github-actions[bot]@users.noreply.github.com'

# git push with the job's token as an HTTP header for github.com, through git's environment config (never on a command
# line, never in .git/config: the checkout keeps no credentials).
push() {
  if [[ -n ${GH_TOKEN:-} ]]; then
    local header
    header="AUTHORIZATION: basic $(printf 'x-access-token:%s' "$GH_TOKEN" | base64 -w0)"
    [[ -z ${GITHUB_ACTIONS:-} ]] || printf '::add-mask::%s\n' "${header#AUTHORIZATION: basic }"
    GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=http.https://github.com/.extraheader GIT_CONFIG_VALUE_0="$header" git push "$@"
  else
    git push "$@"
  fi
}
