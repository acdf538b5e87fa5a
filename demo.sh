#!/usr/bin/env bash
# Builds mq and runs the sign-up demo (examples/signup) on a private
# RabbitMQ node that it starts and stops itself.
set -euo pipefail
cd "$(dirname "$0")"
bash tools/install-deps.sh
if [ ! -f modules/mq.so ] || [ -n "$(find src stubs config.m4 -newer modules/mq.so -print -quit)" ]; then
    echo "== building mq.so"
    { phpize && ./configure && make -j"$(nproc)"; } >build.log 2>&1 || { tail -50 build.log; exit 1; }
fi
exec bash examples/signup/run.sh
