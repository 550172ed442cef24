#!/bin/sh
# Makes a folder of 12-megapixel camera-like JPEGs (4000 x 3000, quality 92, 4:2:0, sensor-like
# noise, 1 to 5 MB each, some with an EXIF orientation instead of turned pixels) from the photographs and
# pictures in Debian's wallpaper packages, for `bench --images`.
#
#   src/tools/photos/make-photos12mp.sh OUT_DIR [COUNT]     (COUNT defaults to 240)
#
# Needs apt-get and dpkg (Debian or Ubuntu) and ImageMagick (apt-get install imagemagick).
# Deterministic: the same packages give the same files.
set -eu

out=${1:?usage: make-photos12mp.sh OUT_DIR [COUNT]}
count=${2:-240}
convert=${CONVERT:-convert}
[ -x /usr/bin/convert ] && convert=${CONVERT:-/usr/bin/convert}

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# the packages' own files only: no dependencies, nothing installed
apt-get download mate-backgrounds gnome-backgrounds ukui-wallpapers >/dev/null
for deb in *.deb; do dpkg -x "$deb" root; done
# pictures of at least 1280 pixels across: the small icons and the vector files stay out
find root/usr/share -type f \( -name '*.jpg' -o -name '*.png' -o -name '*.webp' \) -size +60k | LC_ALL=C sort > all
: > sources
while read -r f; do
    [ "$(identify -format '%w' "$f[0]" 2>/dev/null)" -ge 1280 ] 2>/dev/null && echo "$f" >> sources
done < all
n=$(wc -l < sources)
[ "$n" -gt 0 ] || { echo "no pictures found in the wallpaper packages" >&2; exit 1; }

# a minimal EXIF block (big-endian TIFF, one IFD entry: Orientation); ImageMagick's -orient only
# edits an EXIF block that is already there
exif() {
    printf "Exif\000\000MM\000\052\000\000\000\010\000\001\001\022\000\003\000\000\000\001\000$1\000\000\000\000\000\000" > "$2"
}
exif '\001' upright.exif
exif '\006' turn-clockwise.exif
exif '\010' turn-counter-clockwise.exif

gravities="Center NorthWest SouthEast NorthEast SouthWest"
i=0
while [ "$i" -lt "$count" ]; do
    source=$(sed -n "$((i % n + 1))p" sources)
    variant=$((i / n))
    # each pass over the sources frames them differently: a crop of 100, 85, 70 ... percent at
    # another corner, mirrored every other pass, with its own noise level
    crop=$((100 - 15 * (variant % 4)))
    gravity=$(echo $gravities | cut -d' ' -f$((variant % 5 + 1)))
    flop=""
    [ $((variant % 2)) -eq 1 ] && flop="-flop"
    noise=$(printf '0.%02d' $((10 + (i * 7) % 16)))
    # one photo in five is stored as the camera saw it, turned by its EXIF orientation tag
    exif=upright.exif
    case $((i % 10)) in
        3) exif=turn-clockwise.exif ;;
        7) exif=turn-counter-clockwise.exif ;;
    esac
    name=$(printf 'photo%03d.jpg' "$i")
    # a file already there is kept: an interrupted run goes on where it stopped
    if [ ! -s "$out/$name" ]; then
        # flat pictures compress too well for a camera: more noise until the file is 1 MB or more
        while :; do
            "$convert" -quiet "$source[0]" -strip -gravity "$gravity" -crop "${crop}%x${crop}%+0+0" +repage $flop \
                -resize '4000x3000^' -gravity Center -extent 4000x3000 \
                -attenuate "$noise" +noise Gaussian \
                -profile "APP1:$exif" -sampling-factor 4:2:0 -quality 92 "$work/$name"
            if [ "$(wc -c < "$work/$name")" -ge 1000000 ] || awk "BEGIN { exit !($noise >= 0.5) }"; then
                break
            fi
            noise=$(awk "BEGIN { printf \"%.2f\", $noise + 0.05 }")
        done
        mv "$work/$name" "$out/$name"
    fi
    i=$((i + 1))
done
echo "$count JPEGs of 4000 x 3000 in $out" >&2
