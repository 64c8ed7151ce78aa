#!/usr/bin/env bash
# Wrap the frozen app (dist/gov-info-report, from build_linux.sh) into a .deb for Debian-based desktops (统信 UOS, 麒麟).
#
#     bash packaging/build_deb.sh [OUT_DIR]        # default OUT_DIR: dist
#
# Installs under /opt/gov-info-report, with /usr/bin/gov-info-report, a Chinese .desktop entry, the icon in hicolor and
# the MIME type application/x-nianbao for drafts (Debian's triggers refresh the menus, icons and MIME database, so the
# package needs no maintainer scripts). Depends are computed by dpkg-shlibdeps from the libraries the bundle links
# against and does not carry: all of them come from Debian/UOS packages.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$(realpath -m "${1:-dist}")
FROZEN="$ROOT/dist/gov-info-report"
[ -x "$FROZEN/gov-info-report" ] || { echo "no frozen app in $FROZEN: run packaging/build_linux.sh first" >&2; exit 1; }

PACKAGE=gov-info-report
VERSION=$(sed -n 's/^APP_VERSION = "\(.*\)"$/\1/p' models/app_info.py)
ARCH=$(dpkg --print-architecture)
[ -n "$VERSION" ] || { echo "no APP_VERSION in models/app_info.py" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
STAGE="$WORK/debian/$PACKAGE"   # the layout dpkg-shlibdeps expects for a package being built
mkdir -p "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" "$STAGE/usr/share/mime/packages" \
         "$STAGE/usr/share/doc/$PACKAGE" "$STAGE/DEBIAN"
cp -a "$FROZEN" "$STAGE/opt/$PACKAGE"
ln -s "/opt/$PACKAGE/gov-info-report" "$STAGE/usr/bin/gov-info-report"
install -m 644 packaging/linux/gov-info-report.desktop "$STAGE/usr/share/applications/$PACKAGE.desktop"
install -m 644 packaging/linux/gov-info-report-mime.xml "$STAGE/usr/share/mime/packages/$PACKAGE.xml"
for size in 16 24 32 48 64 128 256; do
  for kind in apps mimetypes; do
    name=$([ "$kind" = apps ] && echo "$PACKAGE" || echo application-x-nianbao)
    install -D -m 644 "resources/icons/app-$size.png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/$kind/$name.png"
  done
done
printf '%s\n' "政府信息公开工作年度报告助手 $VERSION" "Frozen with PyInstaller; Qt 6 (LGPLv3) and Python are bundled under /opt/$PACKAGE/_internal." \
  > "$STAGE/usr/share/doc/$PACKAGE/README"
# Regular permissions whatever the umask of the build: directories and programs 755, data 644.
find "$STAGE" -type d -exec chmod 755 {} +
find "$STAGE" -type f -exec chmod 644 {} +
find "$STAGE/opt/$PACKAGE" -type f \( -name '*.so*' -o -name gov-info-report \) -exec chmod 755 {} +

# Depends: the shared libraries that the bundle needs and does not carry, as Debian packages.
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$PACKAGE" "$PACKAGE" > "$WORK/debian/control"
mapfile -t elves < <(find "$STAGE/opt" -type f -perm -u+x -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
libdirs=$(find "$STAGE/opt/$PACKAGE/_internal" -name '*.so*' -printf '%h\n' | sort -u | sed 's/^/-l/')
# shellcheck disable=SC2086
depends=$(cd "$WORK" && dpkg-shlibdeps -O --ignore-missing-info $libdirs "${elves[@]/#/-e}" 2>"$WORK/shlibdeps.log" \
          | sed -n 's/^shlibs:Depends=//p') || { cat "$WORK/shlibdeps.log" >&2; exit 1; }
[ -n "$depends" ] || { echo "dpkg-shlibdeps found no dependencies" >&2; cat "$WORK/shlibdeps.log" >&2; exit 1; }

size=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$size/" -e "s/@DEPENDS@/$depends/" \
    -e "s/@MAINTAINER@/${DEB_MAINTAINER:-政府信息公开年报助手 <noreply@localhost>}/" \
    packaging/linux/control.in > "$STAGE/DEBIAN/control"

mkdir -p "$OUT"
DEB="$OUT/${PACKAGE}_${VERSION}_${ARCH}.deb"
start=$(date +%s)
# xz: read by the dpkg of every Debian, UOS and Kylin release (zstd is not).
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
echo "deb: $DEB ($(( $(stat -c %s "$DEB") / 1048576 )) MB, installed ${size} KB, built in $(( $(date +%s) - start )) s)"
echo "Depends: $depends"
