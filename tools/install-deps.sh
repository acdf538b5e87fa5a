#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Installs the Debian 12 packages that building, testing, the demo and the
# benchmark need, only when something is missing (so a prepared machine pays
# nothing).  Debian's own rabbitmq-server service is kept from starting: the
# tests and the demo run a private node on free ports (tests/broker.sh).  The
# peer extension (php8.2-amqp) stays enabled in conf.d, but every php call of
# the project uses `php -n`, so it is never loaded together with mq.
# libqpid-proton11-dev (Qpid Proton C) is the reference AMQP 1.0 codec of
# tests/c/test_amqp1_diff.c only, and libqpid-proton11-dev-examples ships
# Proton's C broker.c, which tests/c/Makefile builds as a second AMQP 1.0
# peer for tests/c/test_amqp1_engine_proton.c; mq.so never links either.
set -euo pipefail

PACKAGES=(
    php8.2-dev php8.2-cli php8.2-cgi php-parser
    rabbitmq-server librabbitmq-dev libssl-dev openssl
    libqpid-proton11-dev libqpid-proton11-dev-examples
    clang libclang-rt-14-dev valgrind amqp-specs
    php8.2-amqp php-amqplib
    python3 curl strace procps make gcc pkg-config
    php-pear composer php-symfony-amqp-messenger
)

missing=()
for p in "${PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
made_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
    trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
fi
$sudo apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
if [ $made_policy -eq 1 ]; then
    $sudo rm -f /usr/sbin/policy-rc.d
    trap - EXIT
fi
