#!/usr/bin/env bash
# Installs the Debian 12 packages that building, testing and the demo need,
# only when something is missing.  The peer extension (php8.2-amqp) is
# installed for comparison tests but every php call of the project runs with
# `php -n`, so it is never loaded together with mq.
set -euo pipefail
pkgs=(php8.2-dev php8.2-cli php8.2-cgi php-parser rabbitmq-server librabbitmq-dev libssl-dev
      openssl clang libclang-rt-14-dev valgrind amqp-specs php8.2-amqp php-amqplib python3
      curl strace procps make gcc pkg-config)
missing=()
for p in "${pkgs[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "== installing: ${missing[*]}"
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
$sudo apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
