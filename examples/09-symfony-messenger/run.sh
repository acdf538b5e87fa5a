#!/usr/bin/env bash
# Example 9, Symfony Messenger: dispatches two messages through Symfony's
# AMQP transport (Debian's php-symfony-amqp-messenger, Symfony 5.4) and
# handles them in a consumer.  Without that package the example is skipped:
# it prints why and exits with status 77, which examples/run-all.sh counts
# as "skipped", never as "passed".
#
# Uses the broker named by MQ_TEST_* (or starts a private one with
# tests/broker.sh and stops it), loads MQ_EXTENSION (default: modules/mq.so;
# a bare file name such as amqp.so is looked up in PHP's extension_dir), and
# compares the transcript with expected-output.txt.  Exits non-zero on a
# mismatch.
if [ ! -f /usr/share/php/Symfony/Component/Messenger/Bridge/Amqp/autoload.php ]; then
    echo "09-symfony-messenger: SKIPPED (needs Debian's php-symfony-amqp-messenger: apt-get install php-symfony-amqp-messenger)"
    exit 77
fi
set -euo pipefail
# shellcheck source=../_common.sh
. "$(dirname "$0")/../_common.sh"

php "$here/messenger.php" cleanup
{
    echo "== dispatch (the messages go to RabbitMQ)"
    php "$here/messenger.php" send ada@example.org alan@example.org
    echo "== consume (the handler runs)"
    php "$here/messenger.php" consume
} 2>&1 | tee "$work/out.txt"
php "$here/messenger.php" cleanup

if diff -u "$here/expected-output.txt" "$work/out.txt"; then
    echo "09-symfony-messenger: OK"
else
    echo "09-symfony-messenger: FAILED (transcript differs from expected-output.txt, see the diff above)"
    exit 1
fi
