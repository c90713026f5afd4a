import dev.gantry.GantryStep

/**
 * gantryInstall: installs the gantry CLI this library needs (npm package gantry-ci at the catalog's version) once per
 * agent under ~/.cache/gantry/cli/<version>, and points the later gantry steps at it through env.GANTRY_CLI.
 * `package` overrides the npm spec (e.g. a mirror's tarball); the version check still applies.
 */
String call(Map options = [:]) {
  List<String> unknown = options.keySet().findAll { !(it in ['package']) } as List<String>
  if (unknown) {
    error("gantryInstall: unknown option(s) ${unknown.join(', ')}; options: package")
  }
  String version = GantryStep.parseJson(libraryResource(GantryStep.CATALOG) as String).cliVersion
  String cli = ''
  withEnv(["GANTRY_INSTALL_VERSION=${version}", "GANTRY_INSTALL_PACKAGE=${options.package ?: "gantry-ci@${version}"}"]) {
    cli = sh(returnStdout: true, label: 'gantry install', script: '''set +x
dir="$HOME/.cache/gantry/cli/$GANTRY_INSTALL_VERSION"
if [ ! -x "$dir/node_modules/.bin/gantry" ]; then
  npm install --prefix "$dir" --no-audit --no-fund --no-save "$GANTRY_INSTALL_PACKAGE" >&2
fi
echo "$dir/node_modules/.bin/gantry"
''').trim()
  }
  env.GANTRY_CLI = cli
  return cli
}
