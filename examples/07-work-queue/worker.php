<?php
// A CLI worker: php worker.php NAME [IDLE_SECONDS]
//
// * prefetch 1: the broker gives it one task at a time, so a slow worker
//   never sits on tasks that an idle one could do (fair dispatch);
// * it acks a task only after finishing it: if the worker dies mid-task
//   (crash, kill -9, lost connection), the broker hands the task to another
//   worker, flagged as redelivered;
// * SIGTERM or SIGINT (Ctrl-C) asks it to stop: it finishes and acks the
//   current task, then leaves (a "graceful stop", e.g. during a deploy);
// * it stops by itself after IDLE_SECONDS without a task (default: never).
declare(strict_types=1);
require __DIR__ . '/config.php';

$name = $argv[1] ?? 'worker';
$idleLimit = (float) ($argv[2] ?? 0);

// Signals are handled as soon as they arrive (between two PHP statements),
// without declare(ticks).  The handler only sets a flag.  mq also runs it
// while consume() waits for a delivery; php-amqp (1.11, Debian's
// php8.2-amqp) loses a signal that arrives during that wait, so there a
// worker may only notice a SIGTERM sent in the middle of a task.
$stop = false;
pcntl_async_signals(true);
foreach ([SIGTERM, SIGINT] as $signal) {
    pcntl_signal($signal, function () use (&$stop, $name): void {
        if (!$stop) {
            echo "$name: asked to stop, finishing the current task\n";
        }
        $stop = true;
    });
}

$conn = connect("worker $name");
$conn->setReadTimeout(1.0);              // consume() returns every second without a task
$ch = new AMQPChannel($conn);
$ch->setPrefetchCount(1);
$q = declare_tasks_queue($ch);

$lastTask = microtime(true);
$work = function (AMQPEnvelope $msg, AMQPQueue $queue) use ($name, &$stop, &$lastTask): bool {
    $task = json_decode($msg->getBody(), true);
    printf("%s: started task %d%s\n", $name, $task['task'], $msg->isRedelivery() ? ' (redelivered)' : '');
    // The "work": sleep in short steps (a signal cuts a long usleep() short).
    $until = microtime(true) + $task['seconds'];
    while (($left = $until - microtime(true)) > 0) {
        usleep((int) (min($left, 0.05) * 1e6));
    }
    printf("%s: finished task %d\n", $name, $task['task']);
    $queue->ack($msg->getDeliveryTag());  // only now may the broker forget it
    $lastTask = microtime(true);
    return !$stop;                        // false ends consume()
};

echo "$name: waiting for tasks\n";
$flags = AMQP_NOPARAM;                    // the first call registers the consumer
while (!$stop) {
    try {
        $q->consume($work, $flags);
        break;                            // the callback returned false: stop
    } catch (AMQPQueueException $e) {
        if ($e->getMessage() !== 'Consumer timeout exceed') {
            throw $e;
        }
        // A second without a task: check the stop flag and the idle limit,
        // then go on with the same consumer.
        if ($idleLimit > 0 && microtime(true) - $lastTask >= $idleLimit) {
            echo "$name: idle, leaving\n";
            break;
        }
    }
    $flags = AMQP_JUST_CONSUME;
}
$conn->disconnect();                      // a task sent meanwhile goes back to the queue
echo "$name: stopped\n";
