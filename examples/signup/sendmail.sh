#!/bin/sh
# Stand-in for sendmail used as PHP's sendmail_path: writes the mail it gets
# on standard input into $DEMO_OUTBOX, one file per mail.
set -eu
outbox=${DEMO_OUTBOX:?DEMO_OUTBOX not set}
mkdir -p "$outbox"
f=$(mktemp "$outbox/mail-XXXXXX")
cat > "$f.tmp"
mv "$f.tmp" "$f.eml"
rm -f "$f"
