/* SPDX-License-Identifier: MIT */
/*
 * Confirms and returns nobody waits for (README, "Differences"): basic.ack,
 * basic.nack and basic.return read during get(), an RPC, a publish or a
 * consume on another channel stay queued by the core, in arrival order,
 * until the next waitForConfirm()/waitForBasicReturn() or consume() takes
 * them one at a time, as php-amqp keeps them (tests/217 and 218).  The
 * core bounds that queue at MQ_ASYNC_QUEUE_MAX events per channel and then
 * drops the oldest; this file tells the application so, once per channel.
 */
#include "php_mq_internal.h"
#include "mq_connection.h"

void php_mq_channel_report_dropped(php_mq_conn_res *res)
{
    mq_conn *conn = res->conn;
    uint32_t id;

    /* every id is taken, so that the connection's flag clears even for a
     * channel object that is gone (its events went with it) */
    for (id = 1; id <= res->channel_max && mq_conn_has_dropped(conn); id++) {
        size_t n = mq_channel_take_dropped(conn, (uint16_t)id);
        if (n > 0 && !EG(exception)) {
            zend_error(E_NOTICE,
                       "Unhandled basic.ack, basic.nack and basic.return methods from server dropped on channel %u: "
                       "more than %d were queued without AMQPChannel::waitForConfirm(), "
                       "AMQPChannel::waitForBasicReturn() or AMQPQueue::consume() taking them; "
                       "%zu oldest dropped so far, later ones without another notice.",
                       (unsigned)id, MQ_ASYNC_QUEUE_MAX, n);
        }
    }
}
