# Sourced by scripts/demo.sh and scripts/test.sh: makes sure the machine has what Ferry's build,
# demo and tests need, installing what it can (Debian packages as root, Python packages with pip).

need() { command -v "$1" >/dev/null 2>&1; }

install_debian_packages() {
  if [ "$(id -u)" = 0 ] && need apt-get; then
    echo "installing Debian packages: $*"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "missing: $* — install them with your package manager (e.g. sudo apt-get install $*)" >&2
    exit 1
  fi
}

if ! need swift; then
  echo "swift is not on PATH: install Swift 6.2 or newer (https://www.swift.org/install)" >&2
  exit 1
fi
if ! need python3; then install_debian_packages python3 python3-pip; fi
if ! python3 -m pip --version >/dev/null 2>&1; then install_debian_packages python3-pip; fi
if ! need pkg-config || ! pkg-config --exists zlib; then install_debian_packages pkg-config zlib1g-dev; fi
# esbuild bundles BuildMethod: esbuild functions (the TypeScript fixtures and their tests skip without it).
if ! need esbuild; then
  if [ "$(id -u)" = 0 ] && need apt-get; then install_debian_packages esbuild
  else echo "esbuild is missing: the esbuild tests are skipped (install it: apt-get install esbuild, or npm install -g esbuild)" >&2
  fi
fi

# skopeo: the image tests check that other tools read the OCI layouts Ferry writes (skipped without it).
if ! need skopeo; then
  if [ "$(id -u)" = 0 ] && need apt-get; then install_debian_packages skopeo
  else echo "skopeo is missing: the OCI layout check is skipped (install it: apt-get install skopeo)" >&2
  fi
fi
# buildah builds Dockerfiles with RUN (daemonless, --isolation chroot, vfs storage under .ferry/);
# oci-image-tool validates the OCI layouts Ferry writes. The image tests skip without them.
for tool in buildah oci-image-tool; do
  if ! need "$tool"; then
    if [ "$(id -u)" = 0 ] && need apt-get; then install_debian_packages "$tool"
    else echo "$tool is missing: its image tests are skipped (install it: apt-get install $tool)" >&2
    fi
  fi
done
# tmux gives the terminal test a real terminal to read (Tests/IntegrationTests/TerminalIntegrationTests.swift).
if ! need tmux; then
  if [ "$(id -u)" = 0 ] && need apt-get; then install_debian_packages tmux
  else echo "tmux is missing: the terminal test fails without it (install it: apt-get install tmux)" >&2
  fi
fi
# The release binary links the Swift runtime statically; its Foundation needs libcurl's and libxml2's
# development files (scripts/build-release.sh, scripts/check-release-binary.sh).
if ! pkg-config --exists libcurl || ! pkg-config --exists libxml-2.0; then
  if [ "$(id -u)" = 0 ] && need apt-get; then install_debian_packages libcurl4-openssl-dev libxml2-dev
  else echo "libcurl and libxml2 development files are missing: the release binary check fails without them (apt-get install libcurl4-openssl-dev libxml2-dev)" >&2
  fi
fi

echo "==> Python packages (emulator/requirements.txt)"
python3 -m pip install --disable-pip-version-check -q -r emulator/requirements.txt
